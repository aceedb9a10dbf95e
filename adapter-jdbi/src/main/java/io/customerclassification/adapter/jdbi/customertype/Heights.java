package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.adapter.jdbi.session.Jdbc;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import java.util.Optional;

/**
 * The subtree height kept in every row of {@code customer_type} (migration V3): how many levels a type's subtree
 * has, the type itself counted, so that the depth check of a move reads one row instead of walking every
 * descendant. The writes that change a type's children keep it, in their write transaction. Every climb is bounded
 * on damaged data: heights never exceed {@link #CAP}, so a cycle stops once its heights reach it, and a climb is
 * cut after {@code 2 × CAP} steps.
 */
final class Heights {

    /**
     * The largest stored height, one past the deepest level allowed, meaning "deeper than any tree may be"; the
     * height a move checks is never larger.
     */
    static final int CAP = CustomerTypeHierarchyPolicy.MAX_DEPTH + 1;

    record HeightAndParent(int height, Long parent) {}

    private Heights() {}

    static Optional<HeightAndParent> of(Jdbc jdbc, long company, long key) {
        return jdbc.first(CustomerTypeSql.HEIGHT_AND_PARENT, row -> {
            int height = row.getInt(1);
            long parent = row.getLong(2);
            return new HeightAndParent(height, row.wasNull() ? null : parent);
        }, company, key);
    }

    /**
     * {@code key} gained a child whose subtree is {@code childHeight} high: it and its ancestors grow where that
     * child's branch is now their tallest, and the climb stops at the first one already high enough.
     */
    static void raise(Jdbc jdbc, long company, long key, int childHeight) {
        Long node = key;
        int height = Math.min(childHeight + 1, CAP);
        for (int step = 0; node != null && step < 2 * CAP; step++) {
            Optional<HeightAndParent> row = of(jdbc, company, node);
            if (row.isEmpty() || row.get().height() >= height) {
                return;
            }
            jdbc.update(CustomerTypeSql.SET_HEIGHT, height, company, node);
            node = row.get().parent();
            height = Math.min(height + 1, CAP);
        }
    }

    /**
     * {@code key} lost a child: its height is recomputed from its children's (one read of the parent index, which
     * covers the height), and so on up while a height changes.
     */
    static void refresh(Jdbc jdbc, long company, long key) {
        Long node = key;
        for (int step = 0; node != null && step < 2 * CAP; step++) {
            Optional<HeightAndParent> row = of(jdbc, company, node);
            if (row.isEmpty()) {
                return;
            }
            int tallestChild = jdbc.first(CustomerTypeSql.TALLEST_CHILD, rs -> rs.getInt(1), company, node).orElse(0);
            int height = Math.min(tallestChild + 1, CAP);
            if (height == row.get().height()) {
                return;
            }
            jdbc.update(CustomerTypeSql.SET_HEIGHT, height, company, node);
            node = row.get().parent();
        }
    }
}
