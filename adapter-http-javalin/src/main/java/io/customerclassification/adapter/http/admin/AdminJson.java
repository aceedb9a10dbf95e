package io.customerclassification.adapter.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.application.port.in.identity.IdentityLimits;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.Name;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The admin API's JSON: request bodies read strictly (every problem reported, with its pointer) and answers. */
final class AdminJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AdminJson() {}

    /** A body the admin API was sent: a JSON object, with nothing but {@code allowed} in it. */
    static final class Body {

        private final JsonNode node;
        private final List<AdminProblem.Entry> problems = new ArrayList<>();

        private Body(JsonNode node) {
            this.node = node;
        }

        static Body read(Context ctx, Set<String> allowed) {
            String contentType = ctx.contentType();
            if (contentType != null && !contentType.isBlank()) {
                String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                    throw AdminProblem.of(415, AdminProblems.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Type must be application/json");
                }
            }
            String text = ctx.body();
            if (text.isBlank()) {
                throw AdminProblem.invalidBody(List.of(new AdminProblem.Entry("", "A JSON object is required")));
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                String reason = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
                throw AdminProblem.invalidBody(List.of(new AdminProblem.Entry("", "Not valid JSON: " + reason)));
            }
            if (node == null || !node.isObject()) {
                throw AdminProblem.invalidBody(List.of(new AdminProblem.Entry("", "A JSON object is required")));
            }
            Body body = new Body(node);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    body.problem("/" + escape(name), "Unknown property");
                }
            }
            return body;
        }

        boolean has(String name) {
            return node.has(name);
        }

        void problem(String pointer, String detail) {
            problems.add(new AdminProblem.Entry(pointer, detail));
        }

        /** @throws AdminProblem listing every problem found, when there is one */
        void check() {
            if (!problems.isEmpty()) {
                throw AdminProblem.invalidBody(problems);
            }
        }

        ClientId clientId(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isTextual() || !ClientId.isValid(value.textValue())) {
                problem("/" + name, "A client id is 1-" + ClientId.MAX_LENGTH
                        + " characters of A-Z, a-z, 0-9, '.', '_' and '-'");
                return null;
            }
            return ClientId.of(value.textValue());
        }

        /** The boolean, {@code null} when absent. */
        Boolean bool(String name) {
            JsonNode value = node.get(name);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                problem("/" + name, "Must be true or false");
                return null;
            }
            return value.booleanValue();
        }

        CompanyId companyId(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                problem("/" + name, "A company ID is a non-negative integer");
                return null;
            }
            return CompanyId.of(value.longValue());
        }

        Name name(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isTextual()) {
                problem("/" + name, "A name is required");
                return null;
            }
            try {
                return Name.of(value.textValue());
            } catch (InvalidNameException e) {
                problem("/" + name, "Name " + e.reason().description());
                return null;
            }
        }

        /** The grants, {@code null} when absent or wrong (a problem is noted for wrong). */
        List<Grant> grants(String name) {
            JsonNode value = node.get(name);
            if (value == null) {
                return null;
            }
            String pointer = "/" + name;
            if (!value.isArray() || value.size() > IdentityLimits.MAX_GRANTS) {
                problem(pointer, "Grants are an array of at most " + IdentityLimits.MAX_GRANTS + " objects");
                return null;
            }
            List<Grant> grants = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                Grant grant = grant(value.get(i), pointer + "/" + i);
                if (grant != null) {
                    grants.add(grant);
                }
            }
            return grants.size() == value.size() ? grants : null;
        }

        private Grant grant(JsonNode grant, String pointer) {
            if (!grant.isObject()) {
                problem(pointer, "A grant is an object of company, resource and permissions");
                return null;
            }
            int before = problems.size();
            for (Iterator<String> names = grant.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("company", "resource", "permissions").contains(name)) {
                    problem(pointer + "/" + escape(name), "Unknown property");
                }
            }
            JsonNode company = grant.get("company");
            CompanyId companyId = null;
            if (company != null && company.isTextual() && company.textValue().equals("*")) {
                companyId = null;
            } else if (company != null && company.isIntegralNumber() && company.canConvertToLong()
                    && company.longValue() >= 0) {
                companyId = CompanyId.of(company.longValue());
            } else {
                problem(pointer + "/company", "A company is a company ID or \"*\" for every company");
            }
            JsonNode resource = grant.get("resource");
            Resource parsed = resource != null && resource.isTextual()
                    ? Resource.fromWireName(resource.textValue()).orElse(null) : null;
            if (parsed == null) {
                problem(pointer + "/resource", "A resource is \"customer-profile\" or \"customer-type\"");
            }
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            JsonNode names = grant.get("permissions");
            if (names == null || !names.isArray() || names.size() > Permission.values().length * 4) {
                problem(pointer + "/permissions", "Permissions are an array of list, view, add, edit, delete");
            } else {
                for (int i = 0; i < names.size(); i++) {
                    JsonNode permission = names.get(i);
                    Permission known = permission.isTextual()
                            ? Permission.fromWireName(permission.textValue()).orElse(null) : null;
                    if (known == null) {
                        problem(pointer + "/permissions/" + i, "A permission is list, view, add, edit or delete");
                    } else {
                        permissions.add(known);
                    }
                }
            }
            return problems.size() == before ? new Grant(companyId, parsed, permissions) : null;
        }
    }

    /** A JSON pointer token (RFC 6901 §3). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    static ObjectNode client(Client client) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("clientId", client.id().value());
        node.put("admin", client.admin());
        node.set("grants", grants(client.grants()));
        return node;
    }

    private static ArrayNode grants(List<Grant> grants) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Grant grant : grants) {
            ObjectNode node = array.addObject();
            if (grant.isForEveryCompany()) {
                node.put("company", "*");
            } else {
                node.put("company", grant.company().value());
            }
            node.put("resource", grant.resource().wireName());
            ArrayNode permissions = node.putArray("permissions");
            grant.permissions().forEach(permission -> permissions.add(permission.wireName()));
        }
        return array;
    }

    static ObjectNode company(Company company) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", company.id().value());
        node.put("name", company.name().value());
        return node;
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
