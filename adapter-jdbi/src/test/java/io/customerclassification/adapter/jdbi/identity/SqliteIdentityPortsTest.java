package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.StoreKind;

class SqliteIdentityPortsTest extends StoreIdentityPorts {

    @Override
    StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
