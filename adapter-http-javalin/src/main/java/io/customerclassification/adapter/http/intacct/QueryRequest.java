package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.intacct.IntacctCodes.QueryPart;
import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /services/core/query} request parsed into the neutral query model. Any problem is a 400 with
 * an errorId saying which part of the request is wrong.
 *
 * @param aggregates the {@code fn:field} entries of {@code fields}, when the request asks for aggregates
 */
record QueryRequest(
        List<IntacctField> fields,
        List<Labelled> aggregates,
        Filter filter,
        List<SortKey> sort,
        int start,
        int size,
        boolean includeHierarchy) {

    static final String OBJECT = "accounts-receivable/customer-type";
    static final int DEFAULT_SIZE = 100;

    /*
     * Limits of one request (docs/api-intacct.md, "Limits"): each bounds the work and the SQL of a query, and is
     * refused past with a 400 that names it.
     */
    /** Entries of {@code fields}. */
    static final int MAX_FIELDS = 100;
    /** Entries of {@code filters}. */
    static final int MAX_FILTERS = 1_000;
    /** Values of one {@code $in} or {@code $notIn}. */
    static final int MAX_LIST_VALUES = 1_000;
    /**
     * Comparisons the filters and the filterExpression stand for together, a filter counted once for each time the
     * expression names it and a date {@code $in} once per value: this bounds the SQL written for a query.
     */
    static final int MAX_COMPARISONS = 5_000;
    /** Entries of {@code orderBy}. */
    static final int MAX_ORDER_BY = 10;

    /** An aggregate and the label it is returned under, such as {@code count:key}. */
    record Labelled(String label, Aggregation aggregation, IntacctField field) {}

    private static final Set<String> TOP_LEVEL =
            Set.of("object", "fields", "filters", "filterExpression", "filterParameters", "orderBy", "start", "size");

    Paging paging() {
        return Paging.of(start - 1L, size);
    }

    static QueryRequest parse(JsonNode body, LocalDate today) {
        if (body == null || !body.isObject()) {
            throw error(QueryPart.BODY, "The query must be a JSON object", null);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new IntacctException(IntacctCodes.payloadErrors(List.of(IntacctCodes.unknownField("/" + name))));
            }
        }
        JsonNode object = body.get("object");
        if (object == null || !object.isTextual() || !object.textValue().equals(OBJECT)) {
            throw error(QueryPart.OBJECT, object == null ? "object is required"
                    : "Unknown object " + object + "; this service knows " + OBJECT, "/object");
        }

        List<IntacctField> fields = new ArrayList<>();
        List<Labelled> aggregates = new ArrayList<>();
        parseFields(body.get("fields"), fields, aggregates);

        JsonNode parameters = body.get("filterParameters");
        boolean caseSensitive = true;
        boolean hierarchy = false;
        LocalDate asOf = today;
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isObject()) {
                throw error(QueryPart.FILTER_PARAMETERS, "filterParameters must be an object",
                        "/filterParameters");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = it.next();
                String pointer = "/filterParameters/" + parameter.getKey();
                JsonNode value = parameter.getValue();
                switch (parameter.getKey()) {
                    case "caseSensitiveComparison" -> caseSensitive = bool(value, pointer);
                    case "includeHierarchyFields" -> hierarchy = bool(value, pointer);
                    case "includePrivate" -> bool(value, pointer);
                    case "asOfDate" -> {
                        if (!value.isTextual()) {
                            throw error(QueryPart.FILTER_PARAMETERS, "asOfDate must be a date (YYYY-MM-DD)",
                                    pointer);
                        }
                        try {
                            asOf = LocalDate.parse(value.textValue());
                        } catch (DateTimeParseException e) {
                            throw error(QueryPart.FILTER_PARAMETERS,
                                    "asOfDate must be a date (YYYY-MM-DD), was " + value.textValue(), pointer);
                        }
                    }
                    default -> throw error(QueryPart.FILTER_PARAMETERS,
                            "Unknown filter parameter " + parameter.getKey(), pointer);
                }
            }
        }

        List<Filter> conditions = QueryFilters.parse(body.get("filters"), caseSensitive, asOf);
        JsonNode expression = body.get("filterExpression");
        Filter filter;
        if (expression != null && !expression.isNull() && !expression.isTextual()) {
            throw error(QueryPart.FILTER_EXPRESSION, "filterExpression must be a string",
                    "/filterExpression");
        }
        try {
            filter = FilterExpression.parse(expression == null || expression.isNull() ? null : expression.textValue(),
                    conditions);
        } catch (FilterExpression.SyntaxError e) {
            throw error(QueryPart.FILTER_EXPRESSION, e.getMessage(), "/filterExpression");
        }
        long comparisons = QueryFilters.comparisons(filter);
        if (comparisons > MAX_COMPARISONS) {
            throw error(QueryPart.FILTER_EXPRESSION, "The filters and filterExpression stand for " + comparisons
                    + " comparisons; at most " + MAX_COMPARISONS + " are allowed (a filter counts once for each time"
                    + " filterExpression names it, a date $in or $notIn once per value)", "/filterExpression");
        }

        List<SortKey> sort = parseOrderBy(body.get("orderBy"));
        int start = integer(body.get("start"), "start", 1, Integer.MAX_VALUE);
        int size = integer(body.get("size"), "size", DEFAULT_SIZE, Paging.MAX_LIMIT);
        return new QueryRequest(fields, aggregates, filter, sort, start, size, hierarchy);
    }

    private static void parseFields(JsonNode node, List<IntacctField> fields, List<Labelled> aggregates) {
        if (node == null || node.isNull()) {
            fields.addAll(List.of(IntacctField.KEY, IntacctField.ID, IntacctField.HREF));
            return;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw error(QueryPart.FIELDS, "fields must be a non-empty array of field names", "/fields");
        }
        atMost(node, MAX_FIELDS, QueryPart.FIELDS, "fields", "/fields");
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String pointer = "/fields/" + i;
            if (!entry.isTextual()) {
                throw error(QueryPart.FIELDS, "fields must be field names", pointer);
            }
            String name = entry.textValue();
            int colon = name.indexOf(':');
            if (colon < 0) {
                fields.add(field(name, pointer));
                continue;
            }
            AggregateFunction function;
            try {
                function = AggregateFunction.valueOf(name.substring(0, colon).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(QueryPart.FIELDS, "Unknown aggregate function in " + name
                        + "; use count, min, max, sum or avg", pointer);
            }
            IntacctField field = field(name.substring(colon + 1), pointer);
            CustomerTypeField neutral = queryable(field, pointer, "aggregated");
            if (function.numericOnly() && neutral.type() != FieldType.INTEGER) {
                throw error(QueryPart.FIELDS, function.name().toLowerCase(Locale.ROOT)
                        + " applies to numeric fields (key, parent.key) only, not to " + field.label(), pointer);
            }
            aggregates.add(new Labelled(name, new Aggregation(function, neutral), field));
        }
        if (!aggregates.isEmpty() && !fields.isEmpty()) {
            throw error(QueryPart.FIELDS, "fields cannot mix aggregates and plain fields", "/fields");
        }
    }

    static IntacctField field(String name, String pointer) {
        return IntacctField.byLabel(name).orElseThrow(() ->
                error(QueryPart.FIELDS, "Unknown field " + name, pointer));
    }

    static CustomerTypeField queryable(IntacctField field, String pointer, String use) {
        if (field.field() == null) {
            throw error(QueryPart.FIELDS, field.label() + " cannot be " + use, pointer);
        }
        return field.field();
    }

    private static List<SortKey> parseOrderBy(JsonNode node) {
        List<SortKey> sort = new ArrayList<>();
        if (node == null || node.isNull()) {
            return sort;
        }
        if (!node.isArray()) {
            throw error(QueryPart.ORDER_BY, "orderBy must be an array of {\"field\": \"asc\"|\"desc\"}",
                    "/orderBy");
        }
        atMost(node, MAX_ORDER_BY, QueryPart.ORDER_BY, "orderBy", "/orderBy");
        for (int i = 0; i < node.size(); i++) {
            String pointer = "/orderBy/" + i;
            JsonNode entry = node.get(i);
            if (!entry.isObject() || entry.size() != 1) {
                throw error(QueryPart.ORDER_BY, "Each orderBy entry is {\"field\": \"asc\"|\"desc\"}",
                        pointer);
            }
            String name = entry.fieldNames().next();
            IntacctField field = IntacctField.byLabel(name).orElseThrow(() ->
                    error(QueryPart.ORDER_BY, "Unknown field " + name, pointer));
            if (field.field() == null) {
                throw error(QueryPart.ORDER_BY, field.label() + " cannot be sorted on", pointer);
            }
            JsonNode direction = entry.get(name);
            String text = direction.isTextual() ? direction.textValue().toLowerCase(Locale.ROOT) : "";
            switch (text) {
                case "asc" -> sort.add(SortKey.asc(field.field()));
                case "desc" -> sort.add(SortKey.desc(field.field()));
                default -> throw error(QueryPart.ORDER_BY, "Sort direction must be asc or desc, got "
                        + direction, pointer);
            }
        }
        return sort;
    }

    private static int integer(JsonNode node, String name, int fallback, int max) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 1 && node.longValue() <= max) {
            return node.intValue();
        }
        throw badPaging(name, max, node.toString());
    }

    /** {@code start} or {@code size} out of range, in the query service's body or the list's query string. */
    static IntacctException badPaging(String name, int max, String got) {
        return error(QueryPart.PAGING, name + " must be an integer from 1 to " + max + ", got " + got, "/" + name);
    }

    /** Refuses an array of more than {@code max} entries with a message that names the limit. */
    static void atMost(JsonNode array, int max, QueryPart part, String name, String pointer) {
        if (array.size() > max) {
            throw error(part, name + " has " + array.size() + " entries; at most " + max + " are allowed", pointer);
        }
    }

    private static boolean bool(JsonNode value, String pointer) {
        if (!value.isBoolean()) {
            throw error(QueryPart.FILTER_PARAMETERS, pointer.substring(pointer.lastIndexOf('/') + 1)
                    + " must be true or false", pointer);
        }
        return value.booleanValue();
    }

    static IntacctException error(QueryPart part, String message, String target) {
        return new IntacctException(IntacctCodes.query(part, message, target));
    }
}
