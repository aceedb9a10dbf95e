package io.customerclassification.adapter.http.simpro;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.SortKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Simpro list query string parsed into the neutral model: {@code columns}, field filters, {@code search},
 * {@code orderby}, {@code page}, {@code pageSize} and {@code limit}. Every problem found is reported together.
 */
record SimproListQuery(
        List<SimproColumn> columns, Filter filter, List<SortKey> sort, int page, int pageSize, Long limit) {

    static final int DEFAULT_PAGE_SIZE = 30;
    static final int MAX_PAGE_SIZE = 250;
    static final List<SimproColumn> DEFAULT_LIST_COLUMNS = List.of(SimproColumn.ID, SimproColumn.NAME);
    /** Field filters of one query string, repeated ones included (docs/api-simpro.md, "Limits"). */
    static final int MAX_FILTERS = 100;
    /** Values of one {@code in(…)} or {@code !in(…)}. */
    static final int MAX_LIST_VALUES = 1_000;
    /** Columns of {@code orderby}. */
    static final int MAX_ORDER_BY = 10;

    private static final Pattern FUNCTION = Pattern.compile("(lt|le|gt|ge|ne|between|in|!in)\\((.*)\\)", Pattern.DOTALL);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static SimproListQuery parse(Map<String, List<String>> parameters) {
        List<SimproProblem> problems = new ArrayList<>();
        List<SimproColumn> columns = columns(parameters, DEFAULT_LIST_COLUMNS, problems);

        List<Filter> conditions = new ArrayList<>();
        int filters = 0;
        for (SimproColumn column : SimproColumn.values()) {
            filters += parameters.getOrDefault(column.label(), List.of()).size();
        }
        if (filters > MAX_FILTERS) {
            problems.add(new SimproProblem(null, "A query takes at most " + MAX_FILTERS + " field filters; this one has "
                    + filters + ".", null));
        } else {
            for (SimproColumn column : SimproColumn.values()) {
                for (String value : parameters.getOrDefault(column.label(), List.of())) {
                    Filter condition = condition(column, value, problems);
                    if (condition != null) {
                        conditions.add(condition);
                    }
                }
            }
        }
        String search = single(parameters, "search");
        boolean any = false;
        if (search != null) {
            if (search.equals("any")) {
                any = true;
            } else if (!search.equals("all")) {
                problems.add(new SimproProblem("/search", "Search scheme must be one of [\"all\",\"any\"]",
                        NODES.textNode(search)));
            }
        }
        Filter filter = conditions.isEmpty() ? Filter.all() : any ? Filter.or(conditions) : Filter.and(conditions);

        List<SortKey> sort = new ArrayList<>();
        List<String> orderBy = commaSeparated(parameters.getOrDefault("orderby", List.of()));
        if (orderBy.size() > MAX_ORDER_BY) {
            problems.add(new SimproProblem("/orderby", "orderby takes at most " + MAX_ORDER_BY + " columns; "
                    + orderBy.size() + " were sent.", NODES.textNode(String.join(",", orderBy))));
            orderBy = List.of();
        }
        for (String part : orderBy) {
            boolean descending = part.startsWith("-");
            String label = descending ? part.substring(1) : part;
            SimproColumn column = SimproColumn.byLabel(label).orElse(null);
            if (column == null) {
                problems.add(new SimproProblem("/orderby", "Invalid orderby column: " + label, NODES.textNode(part)));
            } else {
                sort.add(descending ? SortKey.desc(column.field()) : SortKey.asc(column.field()));
            }
        }
        if (sort.isEmpty()) {
            sort.add(SortKey.asc(SimproColumn.ID.field()));
        }

        int page = integer(parameters, "page", 1, 1, Integer.MAX_VALUE, problems);
        int pageSize = integer(parameters, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, problems);
        Long limit = null;
        if (single(parameters, "limit") != null) {
            limit = (long) integer(parameters, "limit", 0, 0, Integer.MAX_VALUE, problems);
        }
        if (!problems.isEmpty()) {
            throw new SimproException(422, problems);
        }
        return new SimproListQuery(columns, filter, sort, page, pageSize, limit);
    }

    /** The {@code columns} parameter (comma separated, or repeated), or the defaults. */
    static List<SimproColumn> columns(Map<String, List<String>> parameters, List<SimproColumn> defaults,
            List<SimproProblem> problems) {
        List<String> requested = commaSeparated(parameters.getOrDefault("columns", List.of()));
        if (requested.isEmpty()) {
            return defaults;
        }
        Set<SimproColumn> columns = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String label : requested) {
            SimproColumn.byLabel(label).ifPresentOrElse(columns::add, () -> invalid.add(label));
        }
        if (!invalid.isEmpty()) {
            problems.add(new SimproProblem("/columns", "Invalid columns: " + String.join(", ", invalid),
                    NODES.textNode(String.join(",", parameters.get("columns")))));
        }
        return List.copyOf(columns);
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

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static int integer(Map<String, List<String>> parameters, String name, int fallback, int min, int max,
            List<SimproProblem> problems) {
        String raw = single(parameters, name);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new SimproProblem("/" + name, name + " must be an integer from " + min + " to " + max + ".",
                NODES.textNode(raw)));
        return fallback;
    }

    /** One field filter: a plain value, a {@code %} pattern, or one of the functions. */
    private static Filter condition(SimproColumn column, String raw, List<SimproProblem> problems) {
        Matcher function = FUNCTION.matcher(raw);
        try {
            if (!function.matches()) {
                if (column.field().type() == FieldType.STRING && hasWildcard(raw)) {
                    return compare(column, Operator.LIKE, List.of(raw));
                }
                return compare(column, Operator.EQ, List.of(value(column, raw)));
            }
            String name = function.group(1);
            String inside = function.group(2);
            List<String> arguments = inside.isEmpty() ? List.of() : List.of(inside.split(",", -1));
            return switch (name) {
                case "ne" -> arguments.isEmpty() ? notEmpty(column)
                        : compare(column, Operator.NE, List.of(value(column, inside)));
                case "lt" -> compare(column, Operator.LT, List.of(value(column, inside)));
                case "le" -> compare(column, Operator.LE, List.of(value(column, inside)));
                case "gt" -> compare(column, Operator.GT, List.of(value(column, inside)));
                case "ge" -> compare(column, Operator.GE, List.of(value(column, inside)));
                case "between" -> {
                    if (arguments.size() != 2) {
                        throw new IllegalArgumentException("between takes two values: between(low,high)");
                    }
                    yield compare(column, Operator.BETWEEN, values(column, arguments));
                }
                case "in" -> compare(column, Operator.IN, values(column, listed(arguments, "in")));
                default -> compare(column, Operator.NOT_IN, values(column, listed(arguments, "!in")));
            };
        } catch (IllegalArgumentException e) {
            problems.add(new SimproProblem("/" + column.label(), e.getMessage(), NODES.textNode(raw)));
            return null;
        }
    }

    private static List<String> listed(List<String> arguments, String function) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(function + " takes at least one value");
        }
        if (arguments.size() > MAX_LIST_VALUES) {
            throw new IllegalArgumentException(function + " takes at most " + MAX_LIST_VALUES + " values; "
                    + arguments.size() + " were sent.");
        }
        return arguments;
    }

    private static Filter notEmpty(SimproColumn column) {
        Filter notNull = new Comparison(column.field(), Operator.IS_NOT_NULL, List.of(), false);
        if (column.field().type() != FieldType.STRING) {
            return notNull;
        }
        return Filter.and(notNull, new Comparison(column.field(), Operator.NE, List.of(""), false));
    }

    private static Comparison compare(SimproColumn column, Operator operator, List<Object> values) {
        return new Comparison(column.field(), operator, values, false);
    }

    private static List<Object> values(SimproColumn column, List<String> raws) {
        List<Object> values = new ArrayList<>();
        for (String raw : raws) {
            values.add(value(column, raw));
        }
        return values;
    }

    /** A literal value of the column's type; {@code \%} stands for a literal {@code %}. */
    private static Object value(SimproColumn column, String raw) {
        switch (column.field().type()) {
            case INTEGER:
                try {
                    return Long.parseLong(raw.strip());
                } catch (NumberFormatException e) {
                    if (raw.strip().matches("-?[0-9]+")) {
                        throw new IllegalArgumentException(column.label() + " must be an integer from " + Long.MIN_VALUE
                                + " to " + Long.MAX_VALUE + ".");
                    }
                    throw new IllegalArgumentException(column.label() + " must be an integer.");
                }
            case BOOLEAN:
                String flag = raw.strip().toLowerCase(Locale.ROOT);
                if (flag.equals("true") || flag.equals("1")) {
                    return true;
                }
                if (flag.equals("false") || flag.equals("0")) {
                    return false;
                }
                throw new IllegalArgumentException(column.label() + " must be true or false.");
            default:
                return unescape(raw);
        }
    }

    private static boolean hasWildcard(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                i++;
            } else if (c == '%') {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '%' || raw.charAt(i + 1) == '\\')) {
                text.append(raw.charAt(++i));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
