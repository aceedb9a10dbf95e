package io.customerclassification.adapter.jdbi.page;

import io.customerclassification.application.query.Criteria;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of one page request, compiled once: the count of the matches, the checkpoints of the
 * {@link PageIndex}, and the rows of a window, optionally seeking to a checkpoint first. Parameters are
 * positional, in order.
 */
public final class PageSql {

    private final PageSource source;
    private final QueryCompiler compiler;
    private final boolean joined;
    private final String matches;
    private final List<Object> matchParameters;
    private final List<QueryCompiler.OrderTerm> order;
    private final String orderBy;

    public PageSql(PageSource source, long companyId, Criteria criteria, QueryDialect dialect) {
        this.source = source;
        this.compiler = source.compiler();
        QueryCompiler.Sql where = compiler.where(criteria.filter(), dialect);
        this.joined = compiler.needsJoin(criteria.filter(), criteria.sort());
        this.matches = " FROM " + source.table() + " " + source.alias() + (joined ? source.join() : "")
                + " WHERE " + source.alias() + ".company_id = ? AND " + where.text();
        List<Object> parameters = new ArrayList<>();
        parameters.add(companyId);
        parameters.addAll(where.parameters());
        this.matchParameters = List.copyOf(parameters);
        this.order = compiler.orderTerms(criteria.sort(), dialect);
        this.orderBy = order.stream().map(QueryCompiler.OrderTerm::sql).collect(Collectors.joining(", "));
    }

    public QueryCompiler.Sql count() {
        return new QueryCompiler.Sql("SELECT COUNT(*)" + matches, matchParameters);
    }

    /** The sort values of the matches at positions 0, interval, 2·interval, … (one value per order term). */
    public QueryCompiler.Sql checkpoints(int interval) {
        List<String> aliases = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            aliases.add("cc_" + i);
            values.add(order.get(i).expression() + " AS cc_" + i);
        }
        List<Object> parameters = new ArrayList<>(matchParameters);
        parameters.add(interval);
        return new QueryCompiler.Sql("SELECT " + String.join(", ", aliases) + " FROM (SELECT " + String.join(", ", values)
                + ", row_number() OVER (ORDER BY " + orderBy + ") AS cc_position" + matches
                + ") AS cc_numbered WHERE (cc_position - 1) % ? = 0 ORDER BY cc_position", parameters);
    }

    int orderTerms() {
        return order.size();
    }

    /**
     * The sort values of the match {@code skip} positions after {@code from} (counted from the first match when
     * {@code from} is null): one seek and a short walk through the index that serves the order.
     */
    public QueryCompiler.Sql position(List<Object> from, int skip) {
        List<Object> parameters = new ArrayList<>(matchParameters);
        String seek = seekFrom(from, parameters);
        parameters.add(skip);
        String values = order.stream().map(QueryCompiler.OrderTerm::expression).collect(Collectors.joining(", "));
        return new QueryCompiler.Sql("SELECT " + values + matches + seek + " ORDER BY " + orderBy + " LIMIT 1 OFFSET ?",
                parameters);
    }

    /**
     * {@code limit} rows after skipping {@code skip}, counted from the checkpoint {@code from} when one is given
     * (else from the first match).
     */
    public QueryCompiler.Sql rows(List<Object> from, long skip, int limit) {
        List<Object> parameters = new ArrayList<>(matchParameters);
        String seek = seekFrom(from, parameters);
        parameters.add(limit);
        parameters.add(skip);
        String window = matches + seek + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
        // Without a filter or order on the joined rows, the join is made for the rows of the page only.
        String sql = joined || source.join().isEmpty()
                ? "SELECT " + source.columns() + window
                : "SELECT " + source.columns() + " FROM (SELECT " + source.alias() + ".*" + window + ") "
                        + source.alias() + source.join() + " ORDER BY " + orderBy;
        return new QueryCompiler.Sql(sql, parameters);
    }

    /**
     * The condition that starts the walk at the checkpoint {@code from} ({@code ""} from the first match), its
     * parameters appended to {@code parameters}.
     */
    private String seekFrom(List<Object> from, List<Object> parameters) {
        if (from == null) {
            return "";
        }
        QueryCompiler.Sql atOrAfter = compiler.atOrAfter(order, from);
        parameters.addAll(atOrAfter.parameters());
        return " AND " + atOrAfter.text();
    }
}
