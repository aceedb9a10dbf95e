package io.customerclassification.adapter.jdbi.page;

import io.customerclassification.adapter.jdbi.session.Jdbc;
import io.customerclassification.adapter.jdbi.session.RowReader;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.shared.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the pages and aggregates of every aggregate's queries: compiles the neutral criteria against the
 * {@link PageSource} its persistence adapter declares, and answers a page from one read snapshot, its total and seek
 * position from the {@link PageIndex} where the index holds them for the table's current change version.
 */
public final class PageReader {

    private final Session session;
    private final PageIndex index;
    private final SeekPlans plans;
    private final QueryDialect dialect;

    /** @param plans and {@code dialect}: the database's own parts of reading pages */
    public PageReader(Session session, PageIndex index, SeekPlans plans, QueryDialect dialect) {
        this.session = session;
        this.index = index;
        this.plans = plans;
        this.dialect = dialect;
    }

    /** One page of the company's rows that match and their total, in one read snapshot. */
    public <T> Page<T> find(PageSource source, CompanyId companyId, Criteria criteria, RowReader<T> reader) {
        return session.snapshot(jdbc -> page(jdbc, source, companyId, criteria, reader));
    }

    /** One value per aggregation, in order, over the company's rows that match, in one read snapshot. */
    public List<AggregateValue> aggregate(PageSource source, CompanyId companyId, Filter filter,
            List<Aggregation> aggregations) {
        QueryCompiler.Sql where = source.compiler().where(filter, dialect);
        String matches = " FROM " + source.table() + " " + source.alias() + source.join() + " WHERE " + source.alias()
                + ".company_id = ? AND " + where.text();
        List<Object> parameters = new ArrayList<>();
        parameters.add(companyId.value());
        parameters.addAll(where.parameters());
        return session.snapshot(jdbc -> {
            List<AggregateValue> values = new ArrayList<>(aggregations.size());
            for (Aggregation aggregation : aggregations) {
                values.add(aggregate(jdbc, source.compiler(), dialect, matches, parameters, aggregation));
            }
            return values;
        });
    }

    /**
     * Outside a write transaction the total and the seek position come from the index for the table's current
     * version (built on a miss); inside one they are read directly, since its uncommitted version may still roll
     * back.
     */
    private <T> Page<T> page(Jdbc jdbc, PageSource source, CompanyId companyId, Criteria criteria,
            RowReader<T> reader) {
        PageSql sql = new PageSql(source, companyId.value(), criteria, dialect);
        PageIndex.Entry entry = session.inWriteTransaction() ? null : indexEntry(jdbc, source, companyId, criteria, sql);
        long total = entry != null ? entry.total() : count(jdbc, sql);
        Paging paging = criteria.paging();
        if (paging.limit() == 0 || paging.offset() >= total) {
            return new Page<>(List.of(), total);
        }
        long skip = paging.offset();
        List<Object> from = null;
        if (entry != null && !entry.checkpoints().isEmpty() && skip >= index.interval()) {
            // rows inserted in key order since the checkpoints were built come after the last one
            int checkpoint = (int) Math.min(skip / index.interval(), entry.checkpoints().size() - 1);
            from = entry.checkpoints().get(checkpoint);
            skip -= (long) checkpoint * index.interval();
        }
        QueryCompiler.Sql rows = sql.rows(from, skip, paging.limit());
        return new Page<>(jdbc.list(rows.text(), rows.parameters(), reader), total);
    }

    private PageIndex.Entry indexEntry(Jdbc jdbc, PageSource source, CompanyId companyId, Criteria criteria,
            PageSql sql) {
        long version = session.changeVersion(jdbc, source.table(), companyId.value());
        PageIndex.Key key = new PageIndex.Key(source.table(), companyId.value(), criteria.filter(), criteria.sort());
        PageIndex.Entry entry = index.lookup(key, version);
        if (entry == null) {
            entry = new PageIndex.Entry(version, count(jdbc, sql), List.of(), new AtomicLong());
            index.remember(key, entry);
        }
        if (index.worthRemembering(entry.total())
                && index.shouldBuild(entry, Math.min(criteria.paging().offset(), entry.total()))
                && index.startBuilding(key)) {
            try {
                entry = entry.withCheckpoints(checkpoints(jdbc, sql));
                index.remember(key, entry);
            } finally {
                index.doneBuilding(key);
            }
        }
        return entry;
    }

    /**
     * The checkpoints of one result. Where an index serves the order, each is one seek from the one before and a
     * walk of {@code interval} index entries; where none does, every seek would sort the matches again, so one pass
     * numbers them all instead.
     */
    private List<List<Object>> checkpoints(Jdbc jdbc, PageSql sql) {
        int interval = index.interval();
        int terms = sql.orderTerms();
        List<List<Object>> checkpoints = new ArrayList<>();
        List<Object> position = position(jdbc, sql.position(null, 0), terms);
        if (position != null && plans.sortsForEachSeek(jdbc, sql.position(position, interval))) {
            QueryCompiler.Sql numbered = sql.checkpoints(interval);
            return jdbc.list(numbered.text(), numbered.parameters(), row -> values(row, terms));
        }
        while (position != null) {
            checkpoints.add(position);
            position = position(jdbc, sql.position(position, interval), terms);
        }
        return checkpoints;
    }

    private static List<Object> position(Jdbc jdbc, QueryCompiler.Sql sql, int terms) {
        List<List<Object>> found = jdbc.list(sql.text(), sql.parameters(), row -> values(row, terms));
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Object> values(ResultSet row, int terms) throws SQLException {
        List<Object> values = new ArrayList<>(terms);
        for (int i = 1; i <= terms; i++) {
            values.add(row.getObject(i));
        }
        return Collections.unmodifiableList(values);
    }

    private static long count(Jdbc jdbc, PageSql sql) {
        QueryCompiler.Sql count = sql.count();
        return jdbc.list(count.text(), count.parameters(), row -> row.getLong(1)).get(0);
    }

    private static AggregateValue aggregate(Jdbc jdbc, QueryCompiler compiler, QueryDialect dialect, String matches,
            List<Object> parameters, Aggregation aggregation) {
        QueryField field = aggregation.field();
        String column = compiler.column(field).expression();
        AggregateFunction function = aggregation.function();
        String sql;
        if (function == AggregateFunction.MIN || function == AggregateFunction.MAX) {
            SortKey.Direction direction = function == AggregateFunction.MIN ? SortKey.Direction.ASC : SortKey.Direction.DESC;
            sql = "SELECT " + column + matches + " AND " + column + " IS NOT NULL ORDER BY "
                    + compiler.orderBy(List.of(new SortKey(field, direction)), dialect) + " LIMIT 1";
        } else {
            sql = "SELECT " + function.name() + "(" + column + ")" + matches;
        }
        List<Object> found = jdbc.list(sql, parameters, row -> row.getObject(1));
        Object raw = found.isEmpty() ? null : found.get(0);
        boolean bound = function == AggregateFunction.MIN || function == AggregateFunction.MAX;
        return AggregateValue.of(aggregation, raw == null || !bound ? raw : fromSql(field.type(), raw));
    }

    private static Object fromSql(FieldType type, Object raw) {
        return switch (type) {
            case STRING -> raw.toString();
            case INTEGER -> ((Number) raw).longValue();
            case BOOLEAN -> ((Number) raw).longValue() != 0;
            case TIMESTAMP -> Instant.ofEpochSecond(((Number) raw).longValue());
        };
    }
}
