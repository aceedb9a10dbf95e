package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.CustomerProfilePortsContract;
import io.customerclassification.application.contract.PortSet;

class InMemoryCustomerProfilePortsTest extends CustomerProfilePortsContract {

    @Override
    protected PortSet createPorts() {
        return PortSet.of(new InMemoryPersistence());
    }
}
