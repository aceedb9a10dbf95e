package io.customerclassification.adapter.jdbi.page;

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
 * Compiles the neutral query model to SQL with positional parameters only, in the database's
 * {@link QueryDialect} where SQLite and PostgreSQL differ. Column expressions come from a fixed map per
 * catalogue field, never from request text. Every comparison is made two-valued (a record without a value
 * matches no positive operator), so {@code NOT} means what the model says.
 */
public final class QueryCompiler {

    /**
     * How one catalogue field is read in SQL.
     *
     * @param joined whether the expression reads the joined parent row (then the query needs the join)
     */
    public record Column(String expression, String foldExpression, boolean joined) {

        public static Column of(String expression) {
            return new Column(expression, TextFunctions.FOLD + "(" + expression + ")", false);
        }

        public static Column withFold(String expression, String foldColumn) {
            return new Column(expression, foldColumn, false);
        }

        public Column throughJoin() {
            return new Column(expression, foldExpression, true);
        }
    }

    /** A compiled fragment and its parameters, in order. */
    public record Sql(String text, List<Object> parameters) {}

    /**
     * One term of an ordering. {@code nullable}: whether the expression can be null (nulls sort first
     * ascending, last descending, as the query model orders them); {@code nulls}: the clause that says so to a
     * database that would sort them otherwise ({@code ""} when it need not be said).
     */
    record OrderTerm(String expression, SortKey.Direction direction, boolean nullable, String nulls) {

        String sql() {
            return expression + (direction == SortKey.Direction.ASC ? " ASC" : " DESC") + nulls;
        }
    }

    private final Map<QueryField, Column> columns;
    private final QueryField identity;

    public QueryCompiler(Map<QueryField, Column> columns, QueryField identity) {
        this.columns = Map.copyOf(columns);
        this.identity = identity;
    }

    /** The field that orders last, so that no two records tie: the table's key. */
    QueryField identity() {
        return identity;
    }

    Sql where(Filter filter, QueryDialect dialect) {
        List<Object> parameters = new ArrayList<>();
        String text = compile(filter, dialect, parameters);
        return new Sql(text, parameters);
    }

    String orderBy(List<SortKey> sortKeys, QueryDialect dialect) {
        return orderTerms(sortKeys, dialect).stream().map(OrderTerm::sql).collect(Collectors.joining(", "));
    }

    /**
     * The total order the model defines, as SQL terms: text by its fold, then by code point; the identity
     * field last, so that no two records tie.
     */
    List<OrderTerm> orderTerms(List<SortKey> sortKeys, QueryDialect dialect) {
        List<OrderTerm> terms = new ArrayList<>();
        for (SortKey key : sortKeys) {
            Column column = column(key.field());
            boolean nullable = key.field().nullable();
            String nulls = !nullable || dialect.sortsNullsFirst() ? ""
                    : key.direction() == SortKey.Direction.ASC ? " NULLS FIRST" : " NULLS LAST";
            if (key.field().type() == FieldType.STRING) {
                terms.add(new OrderTerm(column.foldExpression(), key.direction(), nullable, nulls));
            }
            terms.add(new OrderTerm(column.expression(), key.direction(), nullable, nulls));
        }
        terms.add(new OrderTerm(column(identity).expression(), SortKey.Direction.ASC, false, ""));
        return terms;
    }

    /**
     * The records at or after {@code position} in the order of {@code terms}, where {@code position} holds
     * the terms' values of one record: {@code (t1 after v1) OR (t1 = v1 AND ((t2 after v2) OR …))}, with a
     * plain range bound on the first term in front so that an index on it can seek there.
     */
    Sql atOrAfter(List<OrderTerm> terms, List<Object> position) {
        List<Object> parameters = new ArrayList<>();
        String nested = atOrAfter(terms, position, 0, parameters);
        OrderTerm first = terms.get(0);
        Object value = position.get(0);
        if (value != null && !first.nullable()) {
            List<Object> all = new ArrayList<>();
            all.add(value);
            all.addAll(parameters);
            String bound = first.expression() + (first.direction() == SortKey.Direction.ASC ? " >= ?" : " <= ?");
            return new Sql("(" + bound + " AND " + nested + ")", all);
        }
        return new Sql(nested, parameters);
    }

    private static String atOrAfter(List<OrderTerm> terms, List<Object> position, int i, List<Object> parameters) {
        OrderTerm term = terms.get(i);
        Object value = position.get(i);
        boolean ascending = term.direction() == SortKey.Direction.ASC;
        String x = term.expression();
        if (i == terms.size() - 1) {
            if (value == null) {
                return ascending ? "TRUE" : "(" + x + " IS NULL)";
            }
            parameters.add(value);
            return ascending ? "(" + x + " >= ?)" : "(" + x + " <= ? OR " + x + " IS NULL)";
        }
        String after;
        String equal;
        if (value == null) {
            after = ascending ? "(" + x + " IS NOT NULL)" : "FALSE";
            equal = "(" + x + " IS NULL)";
        } else {
            parameters.add(value);
            after = ascending ? "(" + x + " > ?)" : "(" + x + " < ? OR " + x + " IS NULL)";
            parameters.add(value);
            equal = "(" + x + " = ?)";
        }
        String rest = atOrAfter(terms, position, i + 1, parameters);
        return "(" + after + " OR (" + equal + " AND " + rest + "))";
    }

    /** Whether the filter or the ordering reads a joined column. */
    boolean needsJoin(Filter filter, List<SortKey> sortKeys) {
        return sortKeys.stream().anyMatch(key -> column(key.field()).joined()) || readsJoin(filter);
    }

    private boolean readsJoin(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.operands().stream().anyMatch(this::readsJoin);
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().anyMatch(this::readsJoin);
        }
        if (filter instanceof Filter.Not not) {
            return readsJoin(not.operand());
        }
        return column(((Comparison) filter).field()).joined();
    }

    Column column(QueryField field) {
        Column column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("field " + field.fieldName() + " is not queryable here");
        }
        return column;
    }

    /** The SQL value of a query value: booleans as 0/1, timestamps as epoch seconds. */
    public static Object bindable(Object value) {
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

    private String compile(Filter filter, QueryDialect dialect, List<Object> parameters) {
        if (filter instanceof Filter.And and) {
            return and.operands().isEmpty() ? "TRUE" : grouped(and.operands(), " AND ", dialect, parameters);
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().isEmpty() ? "FALSE" : grouped(or.operands(), " OR ", dialect, parameters);
        }
        if (filter instanceof Filter.Not not) {
            return "(NOT " + compile(not.operand(), dialect, parameters) + ")";
        }
        Comparison comparison = (Comparison) filter;
        String positive = positive(comparison, dialect, parameters);
        return comparison.operator().isNegated() ? "(NOT " + positive + ")" : positive;
    }

    /**
     * {@code (a AND b AND …)} for up to {@value #GROUP} operands; longer chains in parenthesised groups of at most
     * {@value #GROUP}, so that the depth of SQLite's expression tree grows with the logarithm of the chain's length:
     * SQLite parses {@code a AND b AND c} as {@code (a AND b) AND c}, one level per operand, and refuses an
     * expression deeper than 1000 levels ("Expression tree is too large").
     */
    private String grouped(List<Filter> operands, String operator, QueryDialect dialect, List<Object> parameters) {
        if (operands.size() <= GROUP) {
            return operands.stream().map(f -> compile(f, dialect, parameters))
                    .collect(Collectors.joining(operator, "(", ")"));
        }
        int groupSize = GROUP;
        while (operands.size() > (long) groupSize * GROUP) {
            groupSize *= GROUP;
        }
        List<String> groups = new ArrayList<>();
        for (int from = 0; from < operands.size(); from += groupSize) {
            groups.add(grouped(operands.subList(from, Math.min(operands.size(), from + groupSize)), operator,
                    dialect, parameters));
        }
        return groups.stream().collect(Collectors.joining(operator, "(", ")"));
    }

    /** Operands of one {@code AND} or {@code OR} written side by side, at most. */
    static final int GROUP = 8;

    /**
     * {@code IN} lists longer than this are bound as one JSON array ({@link QueryDialect#inJsonArray}): SQLite binds
     * at most 32 766 parameters to a statement (PostgreSQL 65 535), and one parameter per value would reach that
     * with a few long lists.
     */
    public static final int BOUND_IN_VALUES = 64;

    private String positive(Comparison comparison, QueryDialect dialect, List<Object> parameters) {
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
                if (values.size() > BOUND_IN_VALUES) {
                    parameters.add(jsonArray(values));
                    predicate = dialect.inJsonArray(x, values.get(0) instanceof String);
                } else {
                    parameters.addAll(values);
                    predicate = x + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
                }
            }
            case BETWEEN -> {
                parameters.addAll(values);
                predicate = x + " BETWEEN ? AND ?";
            }
            case CONTAINS -> {
                parameters.add(values.get(0));
                predicate = dialect.contains(x);
            }
            case STARTS_WITH -> {
                parameters.add(values.get(0));
                parameters.add(values.get(0));
                predicate = "substr(" + x + ", 1, length(?)) = ?";
            }
            case ENDS_WITH -> {
                String needle = (String) values.get(0);
                if (needle.isEmpty()) {
                    predicate = "TRUE";
                } else {
                    parameters.add(needle);
                    parameters.add(needle);
                    predicate = dialect.endsWith(x);
                }
            }
            case LIKE -> {
                parameters.add(values.get(0));
                predicate = TextFunctions.LIKE + "(?, " + x + ")";
            }
            default -> throw new IllegalArgumentException("not a positive operator: " + operator);
        }
        if (!comparison.field().nullable()) {
            return "(" + predicate + ")";
        }
        return "(" + column.expression() + " IS NOT NULL AND " + predicate + ")";
    }

    /** Bound values (text, integers, decimals) as a JSON array, which the database's JSON functions read back as they were. */
    static String jsonArray(List<Object> values) {
        StringBuilder json = new StringBuilder("[");
        for (Object value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            if (value instanceof String text) {
                json.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        json.append('\\').append(c);
                    } else if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
                json.append('"');
            } else if (value instanceof Long || value instanceof Integer || value instanceof Double) {
                json.append(value);
            } else {
                throw new IllegalArgumentException("cannot bind " + value.getClass().getSimpleName() + " in a list");
            }
        }
        return json.append(']').toString();
    }

    private static String binary(String x, String operator, List<Object> values, List<Object> parameters) {
        parameters.add(values.get(0));
        return x + " " + operator + " ?";
    }
}
