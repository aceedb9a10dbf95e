package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.StoreKind;
import io.customerclassification.adapter.jdbi.Stores;
import io.customerclassification.application.contract.IdentityPortSet;
import io.customerclassification.application.contract.IdentityPortsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The identity out-port contract over one kind of SQL store; a subclass per kind. */
abstract class StoreIdentityPorts extends IdentityPortsContract {

    @TempDir
    Path folder;

    private SqlStore store;

    abstract StoreKind kind();

    @Override
    protected IdentityPortSet createPorts() {
        store = kind().open(folder);
        Stores stores = store.stores();
        IdentityStores identity = stores.identity();
        return new IdentityPortSet(stores.transactions(), identity.clients(), identity.clients(), identity.clients(),
                identity.apiKeys(), identity.apiKeys(), identity.apiKeys(), identity.tokens(), identity.tokens(),
                identity.tokens(), identity.failedAuthentications(), identity.signingKeys(), identity.signingKeys(),
                identity.changes());
    }

    @Override
    protected void closePorts() {
        if (store != null) { // null when the store's test was skipped before it opened one
            store.close();
        }
    }
}
