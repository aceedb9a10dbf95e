package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.adapter.jdbi.session.Jdbc;
import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.Name;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A company's types in tree order (a type, then its subtree; children by key), read on one connection in batches
 * down the parent index: one frame per level of the path walked, each holding at most {@link #BATCH} children, so a
 * million types take no more memory than a few thousand. Only a type whose stored subtree height (migration V3) says
 * it has children is asked for them: most types of a tree are leaves, and a statement per leaf would cost several
 * times the reading of the rows. The writes that change a type's children keep its height in the same transaction
 * (docs/persistence.md, "Hierarchy"), as the descendants walk relies on too.
 */
final class TreeExport {

    /** Children read per statement. */
    static final int BATCH = 256;

    private record Row(long key, Name name, CustomerTypeStatus status, int height) {}

    /** The children of one type (or the roots) still to hand over, and where to read on. */
    private static final class Frame {
        final Long parentKey;
        final Name parentName;
        final Deque<Row> pending = new ArrayDeque<>();
        long after;
        boolean exhausted;

        Frame(Long parentKey, Name parentName) {
            this.parentKey = parentKey;
            this.parentName = parentName;
        }
    }

    private TreeExport() {}

    static long run(Jdbc jdbc, long company, Consumer<CustomerTypeExportRow> rows) {
        Deque<Frame> path = new ArrayDeque<>();
        path.push(new Frame(null, null));
        long handed = 0;
        while (!path.isEmpty()) {
            Frame frame = path.peek();
            if (frame.pending.isEmpty() && !frame.exhausted) {
                read(jdbc, company, frame);
            }
            Row row = frame.pending.poll();
            if (row == null) {
                path.pop();
                continue;
            }
            rows.accept(new CustomerTypeExportRow(CustomerTypeKey.of(row.key()), row.name(), row.status(),
                    frame.parentName));
            handed++;
            if (row.height() > 1 && path.size() <= CustomerTypeHierarchyPolicy.MAX_DEPTH) {
                path.push(new Frame(row.key(), row.name()));
            }
        }
        return handed;
    }

    private static void read(Jdbc jdbc, long company, Frame frame) {
        String sql = frame.parentKey == null ? CustomerTypeSql.EXPORT_ROOTS : CustomerTypeSql.EXPORT_CHILDREN;
        List<Object> parameters = frame.parentKey == null ? List.of(company, frame.after, BATCH)
                : List.of(company, frame.parentKey, frame.after, BATCH);
        int read = jdbc.prepared(sql, statement -> batch(statement, parameters, frame));
        frame.exhausted = read < BATCH;
    }

    private static int batch(PreparedStatement statement, List<Object> parameters, Frame frame) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        int read = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Row row = new Row(rs.getLong(1), Name.of(rs.getString(2)),
                        CustomerTypeStatus.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getInt(4));
                frame.pending.add(row);
                frame.after = row.key();
                read++;
            }
        }
        return read;
    }
}
