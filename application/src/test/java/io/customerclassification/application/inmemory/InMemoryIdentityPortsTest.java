package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.IdentityPortSet;
import io.customerclassification.application.contract.IdentityPortsContract;

class InMemoryIdentityPortsTest extends IdentityPortsContract {

    @Override
    protected IdentityPortSet createPorts() {
        InMemoryIdentityStore store = new InMemoryIdentityStore();
        return new IdentityPortSet(store, store, store, store, store, store, store, store, store, store, store, store,
                store, store);
    }
}
