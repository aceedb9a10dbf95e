package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.application.contract.IdempotencyPortsContract;
import io.customerclassification.application.contract.PortSet;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresIdempotencyPortsTest extends IdempotencyPortsContract {

    @RegisterExtension
    static final PostgresTestDatabase SERVER = new PostgresTestDatabase();

    @Override
    protected PortSet createPorts() {
        return SERVER.freshPorts();
    }

    @Override
    protected void closePorts() {
        SERVER.closePorts();
    }
}
