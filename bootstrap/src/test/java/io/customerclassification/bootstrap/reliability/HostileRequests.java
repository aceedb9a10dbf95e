package io.customerclassification.bootstrap.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile requests per route of both dialects, built from the kinds of hostility in {@link Hostile}. Ids and keys
 * are mostly those {@link HostileInputTest} seeds, so a request often reaches the deepest checks of its route.
 */
final class HostileRequests {

    /**
     * One generated request; {@code chunked} sends the body without a length; {@code invalidByteAt}, when not
     * negative, is where a byte 0xFF (no UTF-8 character) is put into the body's UTF-8 bytes.
     */
    record HostileRequest(String method, String path, Map<String, String> headers, String body, boolean chunked,
            int invalidByteAt) {

        /**
         * A path with an encoded NUL goes without a body: Jetty refuses such a path while it parses the request line,
         * before the body, and closes the connection with the body unread, so the reset that follows can destroy its
         * answer before the client reads it — a limit of Jetty's, like the 414 of an over-long line
         * (docs/reliability.md). The same path without a body is answered in the dialect's format.
         */
        HostileRequest {
            if (body != null && path.contains("%00")) {
                body = null;
                invalidByteAt = -1;
            }
        }

        HostileRequest(String method, String path, Map<String, String> headers, String body, boolean chunked) {
            this(method, path, headers, body, chunked, -1);
        }

        HostileRequest withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new HostileRequest(method, path, more, body, chunked, invalidByteAt);
        }

        HostileRequest withInvalidByteAt(int at) {
            return new HostileRequest(method, path, headers, body, chunked, at);
        }

        @Override
        public String toString() {
            String shown = body == null ? "none" : body.length() > 300
                    ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
            return method + " " + (path.length() > 300 ? path.substring(0, 300) + "…" : path) + " headers=" + headers
                    + (chunked ? " chunked" : "") + (invalidByteAt >= 0 ? " 0xFF at byte " + invalidByteAt : "")
                    + " body=" + shown;
        }
    }

    /**
     * What clients send as {@code Accept}: nothing, what the vendors' SDKs send ({@code application/json}),
     * browsers and curl, and odd values; every refusal must be in the dialect's format whatever it is.
     */
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/problem+json",
            "text/plain", "application/xml", "", "application/json;q=0, text/html");

    /** Each request as generated, with a random {@code Accept} header or none. */
    static Arbitrary<HostileRequest> withAnyAccept(Arbitrary<HostileRequest> requests) {
        Arbitrary<String> accept = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.of(ACCEPTS)));
        return Combinators.combine(requests, accept).as((request, value) ->
                value == null ? request : request.withHeader("Accept", value));
    }

    /** Bodies, now and then with a byte that is no UTF-8 character put somewhere in them. */
    private static Arbitrary<HostileRequest> withInvalidBytes(Arbitrary<HostileRequest> requests) {
        Arbitrary<Integer> at = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, 40)));
        return Combinators.combine(requests, at).as((request, position) ->
                request.body() == null || position < 0 ? request : request.withInvalidByteAt(position));
    }

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    private static final String SIMPRO = "/api/v1.0";
    private static final List<String> INTACCT_PREFIXES = List.of("", "/ia/api/v1");
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String QUERY = "/services/core/query";
    private static final String OBJECT = "accounts-receivable/customer-type";
    private static final List<String> QUERY_FIELDS = List.of("key", "id", "href", "status", "parent.key", "parent.id",
            "parent.href", "audit.createdDateTime", "audit.modifiedDateTime", "audit.createdBy", "audit.modifiedBy",
            "entity.key", "entity.id", "entity.name");
    private static final List<String> OPERATORS = List.of("$eq", "$ne", "$lt", "$lte", "$gt", "$gte", "$in", "$notIn",
            "$between", "$notBetween", "$contains", "$notContains", "$startsWith", "$notStartsWith", "$endsWith",
            "$notEndsWith");
    private static final List<String> DATE_MACROS = List.of("today", "yesterday", "currentWeek", "lastWeek",
            "currentMonth", "priorMonth", "currentQuarter", "priorQuarter", "currentYear", "priorYear");

    private HostileRequests() {}

    // ---- Simpro: customer profiles and companies

    static Arbitrary<HostileRequest> simproBodies() {
        Arbitrary<String> path = Arbitraries.frequencyOf(
                Tuple.of(1, companyPath().map(company -> company + "/setup/customerProfiles/")),
                Tuple.of(1, companyPath().map(company -> company + "/setup/customerProfiles")),
                Tuple.of(2, Combinators.combine(companyPath(), profileId()).as((c, id) -> c + "/setup/customerProfiles/" + id)));
        return withInvalidBytes(Combinators.combine(path, simproBody(), simproContentType(),
                Arbitraries.of(false, false, false, true)).as((p, body, type, chunked) -> new HostileRequest(
                        p.endsWith("/") || p.endsWith("Profiles") ? "POST" : "PATCH", p,
                        type == null ? Map.of() : Map.of("Content-Type", type), body, chunked)));
    }

    static Arbitrary<HostileRequest> simproQueries() {
        Arbitrary<String> path = Arbitraries.frequencyOf(
                Tuple.of(3, companyPath().map(company -> company + "/setup/customerProfiles/")),
                Tuple.of(1, Combinators.combine(companyPath(), profileId()).as((c, id) -> c + "/setup/customerProfiles/" + id)),
                Tuple.of(1, companyPath()),
                Tuple.of(1, Arbitraries.of(SIMPRO + "/companies/", SIMPRO + "/companies")));
        Arbitrary<String> query = Arbitraries.frequencyOf(
                Tuple.of(12, simproParameter().list().ofMaxSize(5).map(HostileRequests::queryString)),
                Tuple.of(1, simproLimits()));
        return Combinators.combine(path, query).as((p, q) -> new HostileRequest("GET", p + q, Map.of(), null, false));
    }

    private static Arbitrary<String> companyPath() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("0")),
                Tuple.of(2, Arbitraries.of("1", "2", "-1", "00", "99999999999999999999", "1e3", "0x1", "abc", "%20")),
                Tuple.of(1, uriText().filter(s -> !s.isEmpty()).map(HostileRequests::segment)))
                .map(company -> SIMPRO + "/companies/" + company);
    }

    private static Arbitrary<String> profileId() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("1", "2", "3")),
                Tuple.of(2, Arbitraries.of("0", "-1", "999999999", "9223372036854775808", "abc", "1.0", "1/", "01")),
                Tuple.of(1, uriText().filter(s -> !s.isEmpty()).map(HostileRequests::segment)));
    }

    private static Arbitrary<String> simproBody() {
        Arbitrary<String> name = Arbitraries.oneOf(Hostile.stringLiterals(), Hostile.values(1));
        Arbitrary<String> archived = Arbitraries.oneOf(Arbitraries.of("true", "false"), Hostile.values(1));
        Arbitrary<String> member = Arbitraries.frequencyOf(
                Tuple.of(5, name.map(v -> "\"Name\":" + v)),
                Tuple.of(2, archived.map(v -> "\"Archived\":" + v)),
                Tuple.of(1, Hostile.values(1).map(v -> "\"ID\":" + v)),
                Tuple.of(1, Hostile.unknownMembers()));
        return Hostile.bodies(member, "Name", "{\"Name\": \"Gold\", \"Archived\": true}", "{\"Name\": \"Fresh\"}");
    }

    private static Arbitrary<String> simproContentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(4, Arbitraries.of("application/json; charset=utf-8", "application/vnd.simpro+json",
                        "APPLICATION/JSON", "application/json; charset=utf-16", "application/json; charset=bogus",
                        "application/json; charset=\"", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*", ";;;", "json")),
                Tuple.of(1, Arbitraries.just(null)));
    }

    /** One query parameter: a column filter, a reserved parameter or an unknown key, with a hostile value. */
    private static Arbitrary<Map.Entry<String, String>> simproParameter() {
        Arbitrary<String> filterValue = Arbitraries.frequencyOf(
                Tuple.of(3, uriText()),
                Tuple.of(3, Combinators.combine(Arbitraries.of("lt", "le", "gt", "ge", "ne", "between", "in", "!in", "like", "eq"),
                        Arbitraries.oneOf(uriText(), Hostile.numbers()).list().ofMaxSize(3))
                        .as((fn, args) -> fn + "(" + String.join(",", args) + ")")),
                Tuple.of(2, Hostile.numbers()),
                Tuple.of(1, Arbitraries.of("true", "false", "1", "0", "maybe", "", "TRUE", "%", "\\%", "%\\")));
        Arbitrary<String> columnList = Arbitraries.oneOf(Arbitraries.of("ID", "Name", "Archived", "-ID", "-Name", "id", ""),
                uriText()).list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(",", parts));
        Arbitrary<String> number = Arbitraries.oneOf(Hostile.numbers(), uriText());
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.of("ID", "Name", "Archived"), filterValue).as(Map::entry)),
                Tuple.of(2, columnList.map(v -> Map.entry("columns", v))),
                Tuple.of(2, columnList.map(v -> Map.entry("orderby", v))),
                Tuple.of(1, Arbitraries.oneOf(Arbitraries.of("all", "any", "ANY", ""), uriText()).map(v -> Map.entry("search", v))),
                Tuple.of(3, Combinators.combine(Arbitraries.of("page", "pageSize", "limit"), number).as(Map::entry)),
                Tuple.of(1, Combinators.combine(uriText(), uriText()).as(Map::entry)));
    }

    /**
     * Query strings up to and past each limit of a Simpro list (docs/api-simpro.md): values of {@code in(…)},
     * field filters (repeated ones included), {@code orderby} columns.
     */
    private static Arbitrary<String> simproLimits() {
        Arbitrary<Integer> size = Arbitraries.of(99, 100, 101, 999, 1_000, 1_001, 1_500);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("in", "!in"), size).as((fn, n) -> "?ID=" + fn + "("
                        + IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining(",")) + ")"),
                Arbitraries.of(99, 100, 101, 300).map(n -> "?" + IntStream.range(0, n)
                        .mapToObj(i -> i % 2 == 0 ? "ID=ne(0)" : "Name=%25").collect(Collectors.joining("&"))
                        + "&search=any"),
                Arbitraries.of(9, 10, 11, 40).map(n -> "?orderby=" + String.join(",", Collections.nCopies(n, "-Name"))));
    }

    // ---- Sage Intacct: customer types and the query service

    static Arbitrary<HostileRequest> intacctBodies() {
        Arbitrary<String> collection = intacctPrefix().map(prefix -> prefix + TYPES);
        Arbitrary<String> item = Combinators.combine(intacctPrefix(), typeKey()).as((prefix, key) -> prefix + TYPES + "/" + key);
        Arbitrary<Boolean> chunked = Arbitraries.of(false, false, false, true);
        Arbitrary<HostileRequest> create = Combinators.combine(collection, typeBody(), intacctContentType(), entity(),
                chunked).as((path, body, type, entity, c) -> new HostileRequest("POST", path, headers(type, entity), body, c));
        Arbitrary<HostileRequest> update = Combinators.combine(item, typeBody(), intacctContentType(), entity(), chunked)
                .as((path, body, type, entity, c) -> new HostileRequest("PATCH", path, headers(type, entity), body, c));
        return withInvalidBytes(Arbitraries.oneOf(create, update));
    }

    static Arbitrary<HostileRequest> intacctQueries() {
        Arbitrary<String> path = intacctPrefix().map(prefix -> prefix + QUERY);
        Arbitrary<HostileRequest> query = withInvalidBytes(Combinators.combine(path,
                Arbitraries.frequencyOf(Tuple.of(10, queryBody()), Tuple.of(1, queryLimits())), intacctContentType(),
                entity()).as((p, body, type, entity) -> new HostileRequest("POST", p, headers(type, entity), body,
                        false)));
        Arbitrary<String> paging = Combinators.combine(Arbitraries.of("start", "size", "pageSize", "offset"),
                Arbitraries.oneOf(Hostile.numbers(), uriText())).as(Map::entry).list().ofMaxSize(3)
                .map(HostileRequests::queryString);
        Arbitrary<HostileRequest> list = Combinators.combine(intacctPrefix(), paging, entity())
                .as((prefix, q, entity) -> new HostileRequest("GET", prefix + TYPES + q, headers(null, entity), null, false));
        Arbitrary<HostileRequest> get = Combinators.combine(intacctPrefix(), typeKey(), entity())
                .as((prefix, key, entity) -> new HostileRequest("GET", prefix + TYPES + "/" + key, headers(null, entity),
                        null, false));
        return Arbitraries.frequencyOf(Tuple.of(6, query), Tuple.of(1, list), Tuple.of(1, get));
    }

    private static Arbitrary<String> intacctPrefix() {
        return Arbitraries.of(INTACCT_PREFIXES);
    }

    private static Arbitrary<String> typeKey() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("1", "2", "3", "4")),
                Tuple.of(2, Arbitraries.of("0", "-1", "999999999", "9223372036854775808", "abc", "1.0", "01", "%20")),
                Tuple.of(1, uriText().filter(s -> !s.isEmpty()).map(HostileRequests::segment)));
    }

    private static Arbitrary<String> entity() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.of("0", "1")),
                Tuple.of(2, Arbitraries.of("2", "-1", " 1 ", "99999999999999999999", "abc", "", "1,0", "0x1", "1e0")));
    }

    private static Map<String, String> headers(String contentType, String entity) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (entity != null) {
            headers.put("X-IA-API-Param-Entity", entity);
        }
        return headers;
    }

    private static Arbitrary<String> intacctContentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(3, Arbitraries.of("application/json; charset=utf-8", "application/vnd.intacct+json",
                        "application/json; charset=utf-16", "application/json; charset=bogus", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "*/*", ";;;")),
                Tuple.of(1, Arbitraries.just(null)));
    }

    private static Arbitrary<String> typeBody() {
        Arbitrary<String> parentReference = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("\"1\"", "\"2\"", "\"3\"", "\"4\"", "1", "2").map(v -> "\"key\":" + v)),
                Tuple.of(2, Hostile.values(1).map(v -> "\"key\":" + v)),
                Tuple.of(2, Arbitraries.oneOf(Arbitraries.of("\"Reseller\"", "\"Dormant\"", "\"reseller\""),
                        Hostile.stringLiterals()).map(v -> "\"id\":" + v)),
                Tuple.of(1, Hostile.values(1).map(v -> "\"href\":" + v)),
                Tuple.of(1, Hostile.unknownMembers()));
        Arbitrary<String> parent = Arbitraries.frequencyOf(
                Tuple.of(4, Hostile.objects(parentReference, 3)),
                Tuple.of(1, Arbitraries.just("null")),
                Tuple.of(1, Hostile.values(1)));
        Arbitrary<String> member = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.oneOf(Hostile.stringLiterals(), Hostile.values(1)).map(v -> "\"id\":" + v)),
                Tuple.of(3, Arbitraries.oneOf(Arbitraries.of("\"active\"", "\"inactive\"", "\"ACTIVE\"", "\"\""),
                        Hostile.values(1)).map(v -> "\"status\":" + v)),
                Tuple.of(3, parent.map(v -> "\"parent\":" + v)),
                Tuple.of(1, Hostile.unknownMembers()));
        return Hostile.bodies(member, "id", "{\"id\": \"Fresh\", \"parent\": {\"key\": \"1\"}}",
                "{\"status\": \"inactive\"}");
    }

    /**
     * Query requests up to and past each limit of the query service (docs/api-intacct.md): thousands of filters,
     * expressions naming a thousand conditions and more, big {@code $in} lists, date lists named again and again,
     * long {@code orderBy} and {@code fields}.
     */
    private static Arbitrary<String> queryLimits() {
        String object = "\"object\":\"" + OBJECT + "\",";
        Arbitrary<Integer> many = Arbitraries.of(999, 1_000, 1_001, 5_000);
        Arbitrary<String> condition = Arbitraries.of("{\"$ne\":{\"id\":\"Gold\"}}", "{\"$eq\":{\"status\":\"active\"}}",
                "{\"$lt\":{\"key\":3}}", "{\"$contains\":{\"parent.id\":\"e\"}}", "{\"$gte\":{\"audit.createdDateTime\":\"today\"}}");
        Arbitrary<String> filters = Combinators.combine(condition, many, Arbitraries.of("and", "or", "1 or 2"))
                .as((c, n, expression) -> "{" + object + "\"filters\":[" + String.join(",", Collections.nCopies(n, c))
                        + "],\"filterExpression\":\"" + expression + "\"}");
        Arbitrary<String> expression = Combinators.combine(many, Arbitraries.of(" or ", " and "), Arbitraries.of(1, 2))
                .as((n, word, count) -> "{" + object + "\"filters\":[{\"$eq\":{\"id\":\"Gold\"}},{\"$ne\":{\"key\":1}}]"
                        + ",\"filterExpression\":\"" + IntStream.range(0, n).mapToObj(i -> Integer.toString(1 + i % count))
                                .collect(Collectors.joining(word)) + "\"}");
        Arbitrary<String> list = Combinators.combine(Arbitraries.of("$in", "$notIn"), Arbitraries.of("id", "key", "status"),
                many).as((op, field, n) -> "{" + object + "\"filters\":[{\"" + op + "\":{\"" + field + "\":["
                        + IntStream.range(0, n).mapToObj(i -> field.equals("key") ? Integer.toString(i) : "\"v" + i + "\"")
                                .collect(Collectors.joining(",")) + "]}}]}");
        Arbitrary<String> dates = Arbitraries.of(4, 5, 6, 50).map(times -> "{" + object + "\"filters\":[{\"$in\":"
                + "{\"audit.modifiedDateTime\":[" + String.join(",", Collections.nCopies(1_000, "\"2026-01-07\"")) + "]}}],"
                + "\"filterExpression\":\"" + String.join(" or ", Collections.nCopies(times, "1")) + "\"}");
        Arbitrary<String> orderBy = Arbitraries.of(9, 10, 11, 100).map(n -> "{" + object + "\"orderBy\":["
                + String.join(",", Collections.nCopies(n, "{\"id\":\"desc\"}")) + "]}");
        Arbitrary<String> fields = Arbitraries.of(99, 100, 101, 1_000).map(n -> "{" + object + "\"fields\":["
                + String.join(",", Collections.nCopies(n, "\"parent.id\"")) + "]}");
        return Arbitraries.oneOf(filters, expression, list, dates, orderBy, fields);
    }

    private static Arbitrary<String> queryBody() {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(QUERY_FIELDS)),
                Tuple.of(1, Combinators.combine(Arbitraries.of("count", "min", "max", "sum", "avg", "median", ""),
                        Arbitraries.of(QUERY_FIELDS)).as((fn, f) -> fn + ":" + f)),
                Tuple.of(1, Hostile.strings()));
        Arbitrary<String> fieldLiteral = field.map(Hostile::quote);
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Hostile.stringLiterals()),
                Tuple.of(1, Arbitraries.of(DATE_MACROS).map(Hostile::quote)),
                Tuple.of(1, Arbitraries.of("\"2026-01-07\"", "\"2026-13-45\"", "\"2026-01-07T06:18:51Z\"").map(v -> v)),
                Tuple.of(2, Hostile.values(1)));
        Arbitrary<String> condition = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(OPERATORS), Hostile.strings()), fieldLiteral, value)
                .as((op, f, v) -> "{" + Hostile.quote(op) + ":{" + f + ":" + v + "}}");
        Arbitrary<String> filters = Arbitraries.frequencyOf(
                Tuple.of(4, condition.list().ofMaxSize(4).map(c -> "[" + String.join(",", c) + "]")),
                Tuple.of(1, Hostile.values(2)));
        Arbitrary<String> expression = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("and", "or", "1 and 2", "(1 or 2) and 3", "1 and (2", "1 or or 2", "0", "99",
                        "-1", "1 and", ")1(", "((((((((((1))))))))))",
                        "1 " + "and 1 ".repeat(2_000), "(".repeat(5_000) + "1" + ")".repeat(5_000), "not 1", "1 && 2", "")
                        .map(Hostile::quote)),
                Tuple.of(1, Hostile.values(1)));
        Arbitrary<String> parameters = Combinators.combine(
                Arbitraries.of("caseSensitiveComparison", "includeHierarchyFields", "includePrivate", "asOfDate", "other"),
                Arbitraries.oneOf(Arbitraries.of("true", "false", "\"2026-01-07\"", "\"1970-01-01\"",
                        "\"+999999999-12-31\"", "\"0000-00-00\""), Hostile.values(1)))
                .as((k, v) -> Hostile.quote(k) + ":" + v);
        Arbitrary<String> orderBy = Combinators.combine(fieldLiteral,
                Arbitraries.oneOf(Arbitraries.of("\"asc\"", "\"desc\"", "\"DESC\""), Hostile.values(1)))
                .as((f, d) -> "{" + f + ":" + d + "}").list().ofMaxSize(3).map(o -> "[" + String.join(",", o) + "]");
        Arbitrary<String> member = Arbitraries.frequencyOf(
                Tuple.of(2, fieldLiteral.list().ofMaxSize(5).map(f -> "\"fields\":[" + String.join(",", f) + "]")),
                Tuple.of(4, filters.map(f -> "\"filters\":" + f)),
                Tuple.of(2, expression.map(e -> "\"filterExpression\":" + e)),
                Tuple.of(2, Hostile.objects(parameters, 3).map(p -> "\"filterParameters\":" + p)),
                Tuple.of(2, orderBy.map(o -> "\"orderBy\":" + o)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("start", "size"), Hostile.numbers()).as((k, n) -> "\"" + k + "\":" + n)),
                Tuple.of(1, Combinators.combine(Arbitraries.of("fields", "orderBy", "start", "size", "object", "filterParameters"),
                        Hostile.values(1)).as((k, v) -> "\"" + k + "\":" + v)),
                Tuple.of(1, Hostile.unknownMembers()));
        Arbitrary<String> object = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("\"object\":\"" + OBJECT + "\"")),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.oneOf(Hostile.stringLiterals(), Hostile.values(1)).map(v -> "\"object\":" + v)));
        Arbitrary<String> request = Combinators.combine(object, member.list().ofMaxSize(5)).as((o, members) -> {
            List<String> all = new java.util.ArrayList<>(members);
            if (o != null) {
                all.add(0, o);
            }
            return "{" + String.join(",", all) + "}";
        });
        return Arbitraries.frequencyOf(
                Tuple.of(14, request),
                Tuple.of(2, Arbitraries.just("{\"object\":\"" + OBJECT + "\",\"filters\":[{\"$eq\":{\"id\":\"a\"}}]}")
                        .flatMap(Hostile::broken)),
                Tuple.of(1, Hostile.values(2)),
                Tuple.of(1, Hostile.deeplyNested()));
    }

    // ---- any route, any method, odd headers

    /**
     * A route of either dialect, or a path next to one, with a method it may not allow and no or a hostile body.
     * Items are ones that do not exist, so a DELETE never removes the seeded records the other properties aim at.
     */
    static Arbitrary<HostileRequest> methodsAndRoutes() {
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of(SIMPRO + "/companies/", SIMPRO + "/companies/0", SIMPRO + "/companies/0/setup/customerProfiles/",
                        SIMPRO + "/companies/0/setup/customerProfiles/999", SIMPRO + "/companies/0/setup",
                        SIMPRO + "/companies/0/setup/customerProfiles/1/extra", SIMPRO + "/", SIMPRO + "/companies/0/",
                        TYPES, TYPES + "/999", TYPES + "/1/extra", "/ia/api/v1" + TYPES, "/ia/api/v1" + TYPES + "/998", QUERY,
                        "/ia/api/v1" + QUERY, "/objects/", "/objects/accounts-receivable/", "/services/core/",
                        "/ia/api/v1/", "/services/core/query/extra"),
                uriText().map(s -> SIMPRO + "/" + segment(s)),
                uriText().map(s -> "/objects/" + segment(s)));
        Arbitrary<String> body = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(null)),
                Tuple.of(2, Arbitraries.of("{\"Name\": \"Methodical\"}", "{\"id\": \"Methodical\"}", "{}")),
                Tuple.of(1, Hostile.values(1)));
        return Combinators.combine(Arbitraries.of(METHODS), path, body).as((method, p, b) ->
                new HostileRequest(method, p, b == null ? Map.of() : Map.of("Content-Type", "application/json"),
                        "HEAD".equals(method) || "GET".equals(method) ? null : b, false));
    }

    // ---- encoding

    /**
     * Hostile text for a request line, percent-encoded by the caller, NUL included (Jetty cannot decode it in a
     * path: 400 in the format of the dialect the path names). At most 2 000 characters: the request line stays
     * under 8 KiB, since Jetty answers a longer one 414 after reading only 8 KiB of it and closes the connection
     * with the rest unread, so that the TCP reset may destroy the answer before the client reads it; LimitsTest
     * and RefusalMatrixTest send lines just over the limit instead.
     */
    private static Arbitrary<String> uriText() {
        return Hostile.strings().filter(text -> text.length() <= 2_000);
    }

    /** A path segment carrying arbitrary text, percent-encoded so the request line stays valid HTTP. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(List<Map.Entry<String, String>> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.stream().map(p -> segment(p.getKey()) + "=" + segment(p.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }
}
