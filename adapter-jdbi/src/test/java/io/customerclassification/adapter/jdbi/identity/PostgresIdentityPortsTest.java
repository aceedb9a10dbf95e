package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.StoreKind;

/** Skipped, saying so, when no PostgreSQL server is named (PostgresTestDatabase). */
class PostgresIdentityPortsTest extends StoreIdentityPorts {

    @Override
    StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }
}
