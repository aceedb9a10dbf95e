package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.QueryDifferential;
import io.customerclassification.adapter.jdbi.StoreKind;

class PostgresQueryDifferentialTest extends QueryDifferential {

    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }
}
