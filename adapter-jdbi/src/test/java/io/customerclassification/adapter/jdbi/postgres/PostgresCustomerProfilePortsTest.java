package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.application.contract.CustomerProfilePortsContract;
import io.customerclassification.application.contract.PortSet;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCustomerProfilePortsTest extends CustomerProfilePortsContract {

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
