package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.intacct.IntacctCodes.QueryPart;
import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import java.math.BigInteger;
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
    private static final Map<String, Operator> OPERATORS = Map.ofEntries(
            Map.entry("$eq", Operator.EQ), Map.entry("$ne", Operator.NE),
            Map.entry("$lt", Operator.LT), Map.entry("$lte", Operator.LE),
            Map.entry("$gt", Operator.GT), Map.entry("$gte", Operator.GE),
            Map.entry("$in", Operator.IN), Map.entry("$notIn", Operator.NOT_IN),
            Map.entry("$between", Operator.BETWEEN), Map.entry("$notBetween", Operator.NOT_BETWEEN),
            Map.entry("$contains", Operator.CONTAINS), Map.entry("$notContains", Operator.NOT_CONTAINS),
            Map.entry("$startsWith", Operator.STARTS_WITH), Map.entry("$notStartsWith", Operator.NOT_STARTS_WITH),
            Map.entry("$endsWith", Operator.ENDS_WITH), Map.entry("$notEndsWith", Operator.NOT_ENDS_WITH));

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

        List<Filter> conditions = parseFilters(body.get("filters"), caseSensitive, asOf);
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
        long comparisons = comparisons(filter);
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

    private static IntacctField field(String name, String pointer) {
        return IntacctField.byLabel(name).orElseThrow(() ->
                error(QueryPart.FIELDS, "Unknown field " + name, pointer));
    }

    private static CustomerTypeField queryable(IntacctField field, String pointer, String use) {
        if (field.field() == null) {
            throw error(QueryPart.FIELDS, field.label() + " cannot be " + use, pointer);
        }
        return field.field();
    }

    private static List<Filter> parseFilters(JsonNode node, boolean caseSensitive, LocalDate asOf) {
        List<Filter> conditions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return conditions;
        }
        if (!node.isArray()) {
            throw error(QueryPart.FILTERS, "filters must be an array", "/filters");
        }
        atMost(node, MAX_FILTERS, QueryPart.FILTERS, "filters", "/filters");
        for (int i = 0; i < node.size(); i++) {
            String pointer = "/filters/" + i;
            JsonNode condition = node.get(i);
            if (!condition.isObject() || condition.size() != 1) {
                throw error(QueryPart.FILTERS, "Each filter is an object with one operator, such as"
                        + " {\"$eq\": {\"status\": \"active\"}}", pointer);
            }
            String operatorName = condition.fieldNames().next();
            Operator operator = OPERATORS.get(operatorName);
            if (operator == null) {
                throw error(QueryPart.FILTERS, "Unknown operator " + operatorName, pointer);
            }
            JsonNode operand = condition.get(operatorName);
            if (!operand.isObject() || operand.size() != 1) {
                throw error(QueryPart.FILTERS, operatorName + " takes an object with one field", pointer);
            }
            String fieldName = operand.fieldNames().next();
            pointer = pointer + "/" + operatorName + "/" + fieldName;
            IntacctField field = field(fieldName, pointer);
            CustomerTypeField neutral = queryable(field, pointer, "filtered on");
            if (operator.textOnly() && neutral.type() != FieldType.STRING) {
                throw error(QueryPart.FILTERS, operatorName + " applies to text fields only, not to "
                        + field.label(), pointer);
            }
            conditions.add(condition(neutral, operator, operand.get(fieldName), caseSensitive, asOf, pointer));
        }
        return conditions;
    }

    private static Filter condition(CustomerTypeField field, Operator operator, JsonNode value, boolean caseSensitive,
            LocalDate asOf, String pointer) {
        if (value.isNull()) {
            if (operator == Operator.EQ || operator == Operator.NE) {
                return new Comparison(field, operator == Operator.EQ ? Operator.IS_NULL : Operator.IS_NOT_NULL,
                        List.of(), caseSensitive);
            }
            throw error(QueryPart.FILTERS, "null can only be compared with $eq or $ne", pointer);
        }
        List<JsonNode> operands = new ArrayList<>();
        switch (operator.arity()) {
            case TWO -> {
                if (!value.isArray() || value.size() != 2) {
                    throw error(QueryPart.FILTERS, "This operator takes [low, high]", pointer);
                }
                value.forEach(operands::add);
            }
            case AT_LEAST_ONE -> {
                if (!value.isArray() || value.isEmpty()) {
                    throw error(QueryPart.FILTERS, "This operator takes a non-empty array", pointer);
                }
                if (value.size() > MAX_LIST_VALUES) {
                    throw error(QueryPart.FILTERS, "This operator takes at most " + MAX_LIST_VALUES + " values; "
                            + value.size() + " were sent", pointer);
                }
                value.forEach(operands::add);
            }
            default -> operands.add(value);
        }
        if (field.type() == FieldType.TIMESTAMP) {
            return dateCondition(field, operator, operands, asOf, pointer);
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode operand : operands) {
            values.add(scalar(field, operand, pointer));
        }
        try {
            return new Comparison(field, operator, values, caseSensitive);
        } catch (IllegalArgumentException e) {
            throw error(QueryPart.FILTERS, e.getMessage(), pointer);
        }
    }

    private static Object scalar(CustomerTypeField field, JsonNode operand, String pointer) {
        if (field.type() == FieldType.INTEGER) {
            if (operand.isIntegralNumber() && operand.canConvertToLong()) {
                return operand.longValue();
            }
            boolean digits = operand.isTextual() && operand.textValue().matches("[0-9]+");
            if (digits && operand.textValue().length() <= 19
                    && new BigInteger(operand.textValue()).compareTo(LONGEST_KEY) <= 0) {
                return Long.parseLong(operand.textValue());
            }
            if (digits || operand.isIntegralNumber()) {
                throw error(QueryPart.FILTERS, "A key is at most " + LONGEST_KEY + ", got " + operand, pointer);
            }
            throw error(QueryPart.FILTERS, "Expected a key (a string of digits), got " + operand, pointer);
        }
        if (operand.isTextual()) {
            return operand.textValue();
        }
        // Sage's schema takes numbers for text fields too; they compare as their decimal text.
        if (operand.isIntegralNumber()) {
            return operand.bigIntegerValue().toString();
        }
        if (operand.isNumber()) {
            if (!Double.isFinite(operand.doubleValue())) {
                throw error(QueryPart.FILTERS, "Expected a string or a number, got a number too large to read",
                        pointer);
            }
            return operand.decimalValue().stripTrailingZeros().toPlainString();
        }
        throw error(QueryPart.FILTERS, "Expected a string or a number, got " + operand, pointer);
    }

    private static final BigInteger LONGEST_KEY = BigInteger.valueOf(Long.MAX_VALUE);

    /** Dates and macros stand for periods: a comparison with a period compares with its bounds. */
    private static Filter dateCondition(CustomerTypeField field, Operator operator, List<JsonNode> operands,
            LocalDate asOf, String pointer) {
        List<DateValues.Period> periods = new ArrayList<>();
        for (JsonNode operand : operands) {
            if (!operand.isTextual()) {
                throw error(QueryPart.FILTERS, "Expected a date, date-time or date macro, got " + operand,
                        pointer);
            }
            periods.add(DateValues.parse(operand.textValue(), asOf).orElseThrow(() -> error(QueryPart.FILTERS,
                    "Expected a date (YYYY-MM-DD), a date-time (ISO-8601) or a date macro"
                            + " (today, yesterday, currentWeek, lastWeek, currentMonth, priorMonth, currentQuarter,"
                            + " priorQuarter, currentYear, priorYear), got " + operand.textValue(), pointer)));
        }
        DateValues.Period first = periods.get(0);
        return switch (operator) {
            case EQ -> within(field, first);
            case NE -> Filter.not(within(field, first));
            case LT -> Comparison.of(field, Operator.LT, first.start());
            case LE -> Comparison.of(field, Operator.LE, first.exact() ? first.start() : first.lastSecond());
            case GT -> Comparison.of(field, Operator.GT, first.exact() ? first.start() : first.lastSecond());
            case GE -> Comparison.of(field, Operator.GE, first.start());
            case BETWEEN, NOT_BETWEEN -> {
                DateValues.Period last = periods.get(1);
                Filter between = Comparison.of(field, Operator.BETWEEN, first.start(),
                        last.exact() ? last.start() : last.lastSecond());
                yield operator == Operator.BETWEEN ? between : Filter.not(between);
            }
            case IN, NOT_IN -> {
                Filter any = Filter.or(periods.stream().map(period -> within(field, period)).toList());
                yield operator == Operator.IN ? any : Filter.not(any);
            }
            default -> throw error(QueryPart.FILTERS, "This operator does not apply to dates", pointer);
        };
    }

    private static Filter within(CustomerTypeField field, DateValues.Period period) {
        return period.exact() ? Comparison.of(field, Operator.EQ, period.start())
                : Comparison.of(field, Operator.BETWEEN, period.start(), period.lastSecond());
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
    private static void atMost(JsonNode array, int max, QueryPart part, String name, String pointer) {
        if (array.size() > max) {
            throw error(part, name + " has " + array.size() + " entries; at most " + max + " are allowed", pointer);
        }
    }

    /** The comparisons a filter stands for, each occurrence counted. */
    private static long comparisons(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.operands().stream().mapToLong(QueryRequest::comparisons).sum();
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().mapToLong(QueryRequest::comparisons).sum();
        }
        if (filter instanceof Filter.Not not) {
            return comparisons(not.operand());
        }
        return 1;
    }

    private static boolean bool(JsonNode value, String pointer) {
        if (!value.isBoolean()) {
            throw error(QueryPart.FILTER_PARAMETERS, pointer.substring(pointer.lastIndexOf('/') + 1)
                    + " must be true or false", pointer);
        }
        return value.booleanValue();
    }

    private static IntacctException error(QueryPart part, String message, String target) {
        return new IntacctException(IntacctCodes.query(part, message, target));
    }
}
