package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.QueryDifferential;
import io.customerclassification.adapter.jdbi.StoreKind;

class SqliteQueryDifferentialTest extends QueryDifferential {

    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
