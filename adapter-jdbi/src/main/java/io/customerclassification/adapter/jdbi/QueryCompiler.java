package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles the neutral query model to SQLite SQL with positional parameters only. Column expressions come
 * from a fixed map per catalogue field, never from request text. Every comparison is made two-valued (a
 * record without a value matches no positive operator), so {@code NOT} means what the model says.
 */
final class QueryCompiler {

    /** How one catalogue field is read in SQL. */
    record Column(String expression, String foldExpression) {

        static Column of(String expression) {
            return new Column(expression, SqliteConnections.FOLD + "(" + expression + ")");
        }

        static Column withFold(String expression, String foldColumn) {
            return new Column(expression, foldColumn);
        }
    }

    /** A compiled fragment and its parameters, in order. */
    record Sql(String text, List<Object> parameters) {}

    private final Map<QueryField, Column> columns;
    private final QueryField identity;

    QueryCompiler(Map<QueryField, Column> columns, QueryField identity) {
        this.columns = Map.copyOf(columns);
        this.identity = identity;
    }

    Sql where(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String text = compile(filter, parameters);
        return new Sql(text, parameters);
    }

    String orderBy(List<SortKey> sortKeys) {
        List<String> terms = new ArrayList<>();
        for (SortKey key : sortKeys) {
            Column column = column(key.field());
            String direction = key.direction() == SortKey.Direction.ASC ? " ASC" : " DESC";
            if (key.field().type() == FieldType.STRING) {
                terms.add(column.foldExpression() + direction);
            }
            terms.add(column.expression() + direction);
        }
        terms.add(column(identity).expression() + " ASC");
        return String.join(", ", terms);
    }

    Column column(QueryField field) {
        Column column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("field " + field.fieldName() + " is not queryable here");
        }
        return column;
    }

    /** The SQL value of a query value: booleans as 0/1, timestamps as epoch seconds. */
    static Object bindable(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() == 0
                    ? (Object) instant.getEpochSecond()
                    : (Object) (instant.getEpochSecond() + instant.getNano() / 1e9);
        }
        return value;
    }

    private String compile(Filter filter, List<Object> parameters) {
        if (filter instanceof Filter.And and) {
            if (and.operands().isEmpty()) {
                return "1";
            }
            return and.operands().stream().map(f -> compile(f, parameters))
                    .collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (filter instanceof Filter.Or or) {
            if (or.operands().isEmpty()) {
                return "0";
            }
            return or.operands().stream().map(f -> compile(f, parameters))
                    .collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (filter instanceof Filter.Not not) {
            return "(NOT " + compile(not.operand(), parameters) + ")";
        }
        Comparison comparison = (Comparison) filter;
        String positive = positive(comparison, parameters);
        return comparison.operator().isNegated() ? "(NOT " + positive + ")" : positive;
    }

    private String positive(Comparison comparison, List<Object> parameters) {
        Column column = column(comparison.field());
        Operator operator = comparison.operator().positive();
        if (operator == Operator.IS_NULL) {
            return "(" + column.expression() + " IS NULL)";
        }
        boolean folds = comparison.folds();
        String x = folds ? column.foldExpression() : column.expression();
        List<Object> values = comparison.values().stream()
                .map(v -> folds ? Name.fold((String) v) : v)
                .map(QueryCompiler::bindable)
                .toList();
        String predicate;
        switch (operator) {
            case EQ -> predicate = binary(x, "=", values, parameters);
            case LT -> predicate = binary(x, "<", values, parameters);
            case LE -> predicate = binary(x, "<=", values, parameters);
            case GT -> predicate = binary(x, ">", values, parameters);
            case GE -> predicate = binary(x, ">=", values, parameters);
            case IN -> {
                parameters.addAll(values);
                predicate = x + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
            }
            case BETWEEN -> {
                parameters.addAll(values);
                predicate = x + " BETWEEN ? AND ?";
            }
            case CONTAINS -> {
                parameters.add(values.get(0));
                predicate = "instr(" + x + ", ?) > 0";
            }
            case STARTS_WITH -> {
                parameters.add(values.get(0));
                parameters.add(values.get(0));
                predicate = "substr(" + x + ", 1, length(?)) = ?";
            }
            case ENDS_WITH -> {
                String needle = (String) values.get(0);
                if (needle.isEmpty()) {
                    predicate = "1";
                } else {
                    parameters.add(needle);
                    parameters.add(needle);
                    predicate = "substr(" + x + ", -length(?)) = ?";
                }
            }
            case LIKE -> {
                parameters.add(values.get(0));
                predicate = SqliteConnections.LIKE + "(?, " + x + ")";
            }
            default -> throw new IllegalArgumentException("not a positive operator: " + operator);
        }
        if (!comparison.field().nullable()) {
            return "(" + predicate + ")";
        }
        return "(" + column.expression() + " IS NOT NULL AND " + predicate + ")";
    }

    private static String binary(String x, String operator, List<Object> values, List<Object> parameters) {
        parameters.add(values.get(0));
        return x + " " + operator + " ?";
    }
}
