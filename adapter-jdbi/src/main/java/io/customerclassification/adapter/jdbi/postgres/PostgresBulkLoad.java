package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.session.BulkLoad;
import io.customerclassification.adapter.jdbi.session.Jdbc;
import java.util.List;

/**
 * Switches off the tables' own triggers (the change versions' upkeep; the foreign keys' triggers stay on) for the
 * copy's transaction, then bumps each copied company's version once. {@code ALTER TABLE} is transactional: a copy
 * that fails rolls the triggers back on with everything else. It needs the role that owns the tables (the one that
 * migrated them), and locks the tables until the copy commits.
 */
final class PostgresBulkLoad implements BulkLoad {

    private static final List<String> TABLES = List.of("customer_profile", "customer_type");
    private static final String BUMP = "INSERT INTO cc_change (table_name, company_id, version)"
            + " SELECT ?, company_id, 1 FROM %s GROUP BY company_id"
            + " ON CONFLICT (table_name, company_id) DO UPDATE SET version = cc_change.version + 1";

    @Override
    public void begin(Jdbc jdbc) {
        for (String table : TABLES) {
            jdbc.update("ALTER TABLE " + table + " DISABLE TRIGGER USER");
        }
    }

    @Override
    public void end(Jdbc jdbc) {
        for (String table : TABLES) {
            jdbc.update("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            jdbc.update(String.format(BUMP, table), table);
        }
    }
}
