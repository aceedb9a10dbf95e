package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.application.port.in.customertype.ParentChange;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of a customer-type POST or PATCH, checked completely: every problem becomes one {@code details}
 * entry of a single 400 REST-1064.
 *
 * @param name the {@code id}, or null when absent
 * @param status the status, or null when absent
 * @param parent the new place, or null when {@code parent} is absent
 */
record TypePayload(Name name, CustomerTypeStatus status, ParentChange parent) {

    enum Operation {
        CREATE,
        UPDATE
    }

    /** @param currentId on UPDATE, the type's id: a body may repeat it but not change it (null on CREATE) */
    static TypePayload parse(String text, Operation operation, Name currentId) {
        JsonNode body = IntacctJson.read(text);
        if (!body.isObject()) {
            throw new IntacctException(IntacctCodes.payloadErrors(
                    List.of(IntacctCodes.invalidValue("", "The payload must be a JSON object"))));
        }
        List<IntacctError> problems = new ArrayList<>();
        Name name = null;
        CustomerTypeStatus status = null;
        ParentChange parent = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "id" -> name = id(value, currentId, problems);
                case "status" -> status = status(value, problems);
                case "parent" -> parent = parent(value, operation, problems);
                default -> problems.add(IntacctCodes.unknownField("/" + field.getKey()));
            }
        }
        if (operation == Operation.CREATE && !body.has("id")) {
            problems.add(IntacctCodes.missingField("/id"));
        }
        if (!problems.isEmpty()) {
            throw new IntacctException(IntacctCodes.payloadErrors(problems));
        }
        return new TypePayload(name, status, parent);
    }

    private static Name id(JsonNode value, Name currentId, List<IntacctError> problems) {
        Name id = name(value, "/id", problems);
        if (id != null && currentId != null && !id.value().equals(currentId.value())) {
            problems.add(IntacctCodes.immutable("/id", "id cannot be changed: it is '" + currentId.value() + "'"));
            return null;
        }
        return id;
    }

    private static Name name(JsonNode value, String pointer, List<IntacctError> problems) {
        String label = pointer.substring(1).replace('/', '.');
        if (!value.isTextual()) {
            problems.add(IntacctCodes.invalidValue(pointer, label + " must be a string"));
            return null;
        }
        try {
            return Name.of(value.textValue());
        } catch (InvalidNameException e) {
            problems.add(IntacctCodes.invalidValue(pointer, label + " " + e.reason().description()));
            return null;
        }
    }

    private static CustomerTypeStatus status(JsonNode value, List<IntacctError> problems) {
        if (value.isTextual()) {
            if (value.textValue().equals("active")) {
                return CustomerTypeStatus.ACTIVE;
            }
            if (value.textValue().equals("inactive")) {
                return CustomerTypeStatus.INACTIVE;
            }
        }
        problems.add(IntacctCodes.invalidValue("/status", "status must be 'active' or 'inactive', got " + value));
        return null;
    }

    private static ParentChange parent(JsonNode value, Operation operation, List<IntacctError> problems) {
        if (value.isNull()) {
            return ParentChange.toRoot();
        }
        if (!value.isObject()) {
            problems.add(IntacctCodes.invalidValue("/parent", "parent must be an object {\"key\"?, \"id\"?} or null"));
            return null;
        }
        CustomerTypeKey key = null;
        Name name = null;
        boolean valid = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode sub = field.getValue();
            switch (field.getKey()) {
                case "key" -> {
                    if (sub.isNull()) {
                        continue;
                    }
                    String raw = sub.isTextual() ? sub.textValue() : sub.isIntegralNumber() ? sub.asText() : "";
                    if (raw.matches("[0-9]{1,18}") && Long.parseLong(raw) > 0) {
                        key = CustomerTypeKey.of(Long.parseLong(raw));
                    } else {
                        problems.add(IntacctCodes.invalidValue("/parent/key", "parent.key must be a key from 1 to"
                                + " 999999999999999999 (a string of digits), got " + sub));
                        valid = false;
                    }
                }
                case "id" -> {
                    if (sub.isNull()) {
                        continue;
                    }
                    name = name(sub, "/parent/id", problems);
                    valid &= name != null;
                }
                case "href" -> {
                    // returned by GET; accepted back and ignored
                }
                default -> {
                    problems.add(IntacctCodes.unknownField("/parent/" + field.getKey()));
                    valid = false;
                }
            }
        }
        if (!valid) {
            return null;
        }
        if (key == null && name == null) {
            if (operation == Operation.UPDATE) {
                return ParentChange.toRoot();
            }
            return null;
        }
        return ParentChange.to(new ParentReference(key, name));
    }
}
