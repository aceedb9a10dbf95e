package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.CompanyPortsContract;
import io.customerclassification.application.contract.PortSet;

class InMemoryCompanyPortsTest extends CompanyPortsContract {

    @Override
    protected PortSet createPorts() {
        return PortSet.of(new InMemoryPersistence());
    }
}
