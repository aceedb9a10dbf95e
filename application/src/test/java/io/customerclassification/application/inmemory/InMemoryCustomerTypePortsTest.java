package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.CustomerTypePortsContract;
import io.customerclassification.application.contract.PortSet;

class InMemoryCustomerTypePortsTest extends CustomerTypePortsContract {

    @Override
    protected PortSet createPorts() {
        return PortSet.of(new InMemoryPersistence());
    }
}
