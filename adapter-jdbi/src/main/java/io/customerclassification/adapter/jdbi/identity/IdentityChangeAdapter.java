package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.identity.IdentityChangePort;

/**
 * The identity change version over SQL: the {@code cc_change} row {@code ('identity', 0)} that migration V4 adds.
 * It is read on every authenticated request, so through the statement the connection keeps (plain JDBC, like the
 * dialects' other reads), not a DAO.
 */
public final class IdentityChangeAdapter implements IdentityChangePort {

    static final String TABLE = "identity";
    static final String MOVE_FORWARD = "UPDATE cc_change SET version = version + 1 WHERE table_name = 'identity'"
            + " AND company_id = 0";

    private final Session session;

    public IdentityChangeAdapter(Session session) {
        this.session = session;
    }

    @Override
    public long currentIdentityVersion() {
        return session.read(jdbc -> session.changeVersion(jdbc, TABLE, 0));
    }

    @Override
    public void recordIdentityChange() {
        session.write(jdbc -> jdbc.update(MOVE_FORWARD));
    }
}
