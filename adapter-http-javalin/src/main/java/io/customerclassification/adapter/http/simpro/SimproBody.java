package io.customerclassification.adapter.http.simpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A POST or PATCH body of a customer profile, checked completely: every problem of the body is reported
 * in one 422 response.
 *
 * @param name the new name, or null when the body has none
 * @param archived the new archived flag, or null when the body has none
 */
record SimproBody(Name name, Boolean archived) {

    enum Operation {
        POST,
        PATCH
    }

    static SimproBody parse(ObjectMapper mapper, String text, Operation operation) {
        if (text == null || text.isBlank()) {
            throw SimproException.of(422, null, "Request body is empty.", null);
        }
        JsonNode body = JsonBody.parse(mapper, text);
        if (body == null || !body.isObject()) {
            throw SimproException.of(422, null, "Request body must be a JSON object.", body);
        }
        List<SimproProblem> problems = new ArrayList<>();
        Name name = null;
        Boolean archived = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "ID" -> problems.add(new SimproProblem("/ID",
                        "This API Column does not allow " + operation + " requests.", value));
                case "Name" -> {
                    if (!value.isTextual()) {
                        problems.add(new SimproProblem("/Name", "Name must be a string.", value));
                    } else {
                        try {
                            name = Name.of(value.textValue());
                        } catch (InvalidNameException e) {
                            problems.add(SimproErrors.nameProblem(e));
                        }
                    }
                }
                case "Archived" -> {
                    if (value.isBoolean()) {
                        archived = value.booleanValue();
                    } else {
                        problems.add(new SimproProblem("/Archived", "Archived must be a boolean.", value));
                    }
                }
                default -> problems.add(new SimproProblem("/" + escapePointer(field.getKey()), "Invalid column.", value));
            }
        }
        if (operation == Operation.POST && !body.has("Name")) {
            problems.add(new SimproProblem("/Name", "Name is required.", null));
        }
        if (!problems.isEmpty()) {
            throw new SimproException(422, problems);
        }
        return new SimproBody(name, archived);
    }

    /** JSON pointer escaping (RFC 6901) of one property name. */
    private static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
