package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.TransactionPortContract;
import io.customerclassification.application.contract.PortSet;

class InMemoryTransactionPortTest extends TransactionPortContract {

    @Override
    protected PortSet createPorts() {
        return PortSet.of(new InMemoryPersistence());
    }
}
