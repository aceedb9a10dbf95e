package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.IdempotencyPortsContract;
import io.customerclassification.application.contract.PortSet;

class InMemoryIdempotencyPortsTest extends IdempotencyPortsContract {

    @Override
    protected PortSet createPorts() {
        return PortSet.of(new InMemoryPersistence());
    }
}
