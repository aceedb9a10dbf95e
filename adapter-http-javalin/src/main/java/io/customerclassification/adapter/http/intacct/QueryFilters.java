package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.QueryRequest.atMost;
import static io.customerclassification.adapter.http.intacct.QueryRequest.error;
import static io.customerclassification.adapter.http.intacct.QueryRequest.field;
import static io.customerclassification.adapter.http.intacct.QueryRequest.queryable;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.intacct.IntacctCodes.QueryPart;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} of a query service request, parsed into the neutral query model: each entry one comparison
 * of a queryable field, dates and date macros turned into the periods they stand for. Any problem is a 400 naming
 * the filter, as the rest of {@link QueryRequest}.
 */
final class QueryFilters {

    private static final Map<String, Operator> OPERATORS = Map.ofEntries(
            Map.entry("$eq", Operator.EQ), Map.entry("$ne", Operator.NE),
            Map.entry("$lt", Operator.LT), Map.entry("$lte", Operator.LE),
            Map.entry("$gt", Operator.GT), Map.entry("$gte", Operator.GE),
            Map.entry("$in", Operator.IN), Map.entry("$notIn", Operator.NOT_IN),
            Map.entry("$between", Operator.BETWEEN), Map.entry("$notBetween", Operator.NOT_BETWEEN),
            Map.entry("$contains", Operator.CONTAINS), Map.entry("$notContains", Operator.NOT_CONTAINS),
            Map.entry("$startsWith", Operator.STARTS_WITH), Map.entry("$notStartsWith", Operator.NOT_STARTS_WITH),
            Map.entry("$endsWith", Operator.ENDS_WITH), Map.entry("$notEndsWith", Operator.NOT_ENDS_WITH));

    private QueryFilters() {}

    /** The conditions of {@code filters}, in their order; none without the member. */
    static List<Filter> parse(JsonNode node, boolean caseSensitive, LocalDate asOf) {
        List<Filter> conditions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return conditions;
        }
        if (!node.isArray()) {
            throw error(QueryPart.FILTERS, "filters must be an array", "/filters");
        }
        atMost(node, QueryRequest.MAX_FILTERS, QueryPart.FILTERS, "filters", "/filters");
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
                if (value.size() > QueryRequest.MAX_LIST_VALUES) {
                    throw error(QueryPart.FILTERS, "This operator takes at most " + QueryRequest.MAX_LIST_VALUES
                            + " values; " + value.size() + " were sent", pointer);
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

    /** The comparisons a filter stands for, each occurrence counted. */
    static long comparisons(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.operands().stream().mapToLong(QueryFilters::comparisons).sum();
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().mapToLong(QueryFilters::comparisons).sum();
        }
        if (filter instanceof Filter.Not not) {
            return comparisons(not.operand());
        }
        return 1;
    }
}
