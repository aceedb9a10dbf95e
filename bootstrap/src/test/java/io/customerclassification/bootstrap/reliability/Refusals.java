package io.customerclassification.bootstrap.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.customerclassification.bootstrap.reliability.HostileRequests.HostileRequest;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.Name;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which hostile requests the contract refuses whatever else they hold (CONTRACT §1 and §2, docs/api-*.md): a route or
 * method that does not exist, a company or entity that is not one of the two {@link HostileInputTest} seeds, a key
 * that is no key, a body of another media type, no JSON object, a property the object does not have or a value of
 * the wrong type or form, a query parameter out of its range. A request none of these rules marks may happen to be
 * valid; one they mark must be refused. Each rule reads the request only, never the state of the server, so that it
 * holds whatever the properties created or changed before.
 */
final class Refusals {

    private static final String SIMPRO = "/api/v1.0";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String QUERY = "/services/core/query";
    private static final String OBJECT = "accounts-receivable/customer-type";
    /** The companies the test seeds; there is no route that creates one. */
    private static final Set<Long> COMPANIES = Set.of(0L, 1L);
    private static final Set<String> SIMPRO_COLUMNS = Set.of("ID", "Name", "Archived");
    private static final Set<String> QUERY_MEMBERS =
            Set.of("object", "fields", "filters", "filterExpression", "filterParameters", "orderBy", "start", "size");
    private static final Pattern DIGITS_18 = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DIGITS_10 = Pattern.compile("[0-9]{1,10}");

    /** Parses as strictly as both dialects do. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private enum Route {
        SIMPRO_COMPANIES, SIMPRO_COMPANY, SIMPRO_PROFILES, SIMPRO_PROFILE, TYPES, TYPE, QUERY, NONE
    }

    private Refusals() {}

    /**
     * Whether the contract refuses {@code generated}, whatever the state of the server. The body is judged as the
     * server receives it: sent as UTF-8, where a lone surrogate of the generated text becomes {@code ?}.
     */
    static boolean certain(HostileRequest generated) {
        HostileRequest request = generated.body() == null ? generated : new HostileRequest(generated.method(),
                generated.path(), generated.headers(),
                new String(generated.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                generated.chunked());
        int query = request.path().indexOf('?');
        String path = query < 0 ? request.path() : request.path().substring(0, query);
        Map<String, List<String>> parameters = parameters(query < 0 ? "" : request.path().substring(query + 1));
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1); // the server ignores a trailing slash
        }
        List<String> segments = segments(path);
        Route route = route(path, segments);
        String method = request.method();
        if (route == Route.NONE) {
            return true;
        }
        if (path.startsWith(SIMPRO)) {
            return simpro(route, method, segments, parameters, request);
        }
        return intacct(route, method, segments, parameters, request);
    }

    private static Route route(String path, List<String> segments) {
        if (path.startsWith(SIMPRO + "/")) {
            List<String> rest = segments.subList(2, segments.size());
            boolean companies = !rest.isEmpty() && rest.get(0).equals("companies");
            boolean profiles = rest.size() >= 4 && rest.get(2).equals("setup") && rest.get(3).equals("customerProfiles");
            if (companies && rest.size() == 1) {
                return Route.SIMPRO_COMPANIES;
            }
            if (companies && rest.size() == 2) {
                return Route.SIMPRO_COMPANY;
            }
            if (companies && profiles && rest.size() == 4) {
                return Route.SIMPRO_PROFILES;
            }
            return companies && profiles && rest.size() == 5 ? Route.SIMPRO_PROFILE : Route.NONE;
        }
        String unprefixed = path.startsWith("/ia/api/v1/") ? path.substring("/ia/api/v1".length()) : path;
        if (unprefixed.equals(TYPES)) {
            return Route.TYPES;
        }
        if (unprefixed.startsWith(TYPES + "/") && unprefixed.indexOf('/', TYPES.length() + 1) < 0) {
            return Route.TYPE;
        }
        return unprefixed.equals(QUERY) ? Route.QUERY : Route.NONE;
    }

    private static boolean simpro(Route route, String method, List<String> segments,
            Map<String, List<String>> parameters, HostileRequest request) {
        if (method.equals("HEAD") || method.equals("OPTIONS")) {
            return false; // not among the methods the dialect answers 405 for: left to the server
        }
        Set<String> allowed = switch (route) {
            case SIMPRO_PROFILES -> Set.of("GET", "POST");
            case SIMPRO_PROFILE -> Set.of("GET", "PATCH", "DELETE");
            default -> Set.of("GET");
        };
        if (!allowed.contains(method)) {
            return true;
        }
        if (route == Route.SIMPRO_COMPANIES) {
            return false;
        }
        if (!isId(segments.get(3), 0, COMPANIES)) {
            return true;
        }
        if (route == Route.SIMPRO_PROFILE && !isId(segments.get(6), 1, null)) {
            return true;
        }
        if (method.equals("POST") || method.equals("PATCH")) {
            return notJson(request) || simproBody(request.body(), method.equals("POST"));
        }
        if (route == Route.SIMPRO_PROFILES) {
            return simproListQuery(parameters);
        }
        return route == Route.SIMPRO_PROFILE && !columns(parameters).stream().allMatch(SIMPRO_COLUMNS::contains);
    }

    private static boolean intacct(Route route, String method, List<String> segments,
            Map<String, List<String>> parameters, HostileRequest request) {
        Set<String> allowed = switch (route) {
            case TYPES -> Set.of("GET", "HEAD", "POST");
            case TYPE -> Set.of("GET", "HEAD", "PATCH", "DELETE");
            default -> Set.of("POST");
        };
        if (!allowed.contains(method)) {
            return true;
        }
        String entity = request.headers().get("X-IA-API-Param-Entity");
        if (entity != null && !isId(entity.strip(), 0, COMPANIES)) {
            return true;
        }
        if (route == Route.TYPE && !isId(segments.get(segments.size() - 1), 1, null)) {
            return true;
        }
        if (method.equals("POST") || method.equals("PATCH")) {
            if (notJson(request) || request.body() == null || request.body().isBlank()) {
                return true;
            }
            return route == Route.QUERY ? queryBody(request.body()) : typeBody(request.body(), method.equals("POST"));
        }
        return route == Route.TYPES && (outOfRange(parameters, "start", Integer.MAX_VALUE)
                || outOfRange(parameters, "size", 4000));
    }

    /** Whether a path segment or header, decoded, is an id of at least {@code min}, and one of {@code known} if given. */
    private static boolean isId(String raw, long min, Set<Long> known) {
        String text = decode(raw);
        if (!DIGITS_18.matcher(text).matches() || Long.parseLong(text) < min) {
            return false;
        }
        return known == null || known.contains(Long.parseLong(text));
    }

    /** A Content-Type that is not JSON, which both dialects refuse before reading the body. */
    private static boolean notJson(HostileRequest request) {
        String type = request.headers().get("Content-Type");
        if (type == null || type.isBlank()) {
            return false;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return !media.equals("application/json") && !media.endsWith("+json");
    }

    private static boolean simproBody(String body, boolean create) {
        JsonNode object = object(body);
        return object == null
                || anyWrong(object, Map.of("Name", Refusals::isName, "Archived", JsonNode::isBoolean)) // ID is read-only
                || create && !object.has("Name");
    }

    private static boolean typeBody(String body, boolean create) {
        JsonNode object = object(body);
        return object == null
                || anyWrong(object, Map.of("id", Refusals::isName,
                        "status", value -> value.isTextual() && Set.of("active", "inactive").contains(value.textValue()),
                        "parent", value -> value.isNull() || value.isObject()))
                || create && !object.has("id");
    }

    /** Whether the object has a member {@code valid} does not name, or one whose value {@code valid} refuses. */
    private static boolean anyWrong(JsonNode object, Map<String, Predicate<JsonNode>> valid) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Predicate<JsonNode> rule = valid.get(field.getKey());
            if (rule == null || !rule.test(field.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean queryBody(String body) {
        JsonNode object = object(body);
        if (object == null || !object.path("object").isTextual() || !object.path("object").textValue().equals(OBJECT)) {
            return true;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!QUERY_MEMBERS.contains(names.next())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            Name.of(value.textValue());
            return true;
        } catch (InvalidNameException e) {
            return false;
        }
    }

    /** The body as a JSON object, or null when it is none. */
    private static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = STRICT.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean simproListQuery(Map<String, List<String>> parameters) {
        String search = last(parameters, "search");
        if (search != null && !search.equals("all") && !search.equals("any")) {
            return true;
        }
        for (String part : commaSeparated(parameters.getOrDefault("orderby", List.of()))) {
            if (!SIMPRO_COLUMNS.contains(part.startsWith("-") ? part.substring(1) : part)) {
                return true;
            }
        }
        return !columns(parameters).stream().allMatch(SIMPRO_COLUMNS::contains)
                || !inRange(last(parameters, "page"), 1, Integer.MAX_VALUE)
                || !inRange(last(parameters, "pageSize"), 1, 250)
                || !inRange(last(parameters, "limit"), 0, Integer.MAX_VALUE);
    }

    private static List<String> columns(Map<String, List<String>> parameters) {
        return commaSeparated(parameters.getOrDefault("columns", List.of()));
    }

    /** A Simpro integer parameter: absent, or a whole number in the range once stripped. */
    private static boolean inRange(String raw, long min, long max) {
        if (raw == null) {
            return true;
        }
        try {
            long value = Long.parseLong(raw.strip());
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An Intacct paging parameter given (its first value) but not digits from 1 to {@code max}. */
    private static boolean outOfRange(Map<String, List<String>> parameters, String name, long max) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return false;
        }
        String digits = values.get(0).strip();
        return !DIGITS_10.matcher(digits).matches() || Long.parseLong(digits) < 1 || Long.parseLong(digits) > max;
    }

    private static String last(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            segments.add(segment);
        }
        return segments;
    }

    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
