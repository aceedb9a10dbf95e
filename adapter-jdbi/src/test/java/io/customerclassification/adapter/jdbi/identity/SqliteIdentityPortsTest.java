package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.Stores;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import io.customerclassification.application.contract.IdentityPortSet;
import io.customerclassification.application.contract.IdentityPortsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteIdentityPortsTest extends IdentityPortsContract {

    @TempDir
    Path folder;

    private SqliteDatabase database;

    @Override
    protected IdentityPortSet createPorts() {
        database = SqliteDatabase.open(folder.resolve("identity.db"));
        Stores stores = database.stores();
        IdentityStores identity = stores.identity();
        return new IdentityPortSet(stores.transactions(), identity.clients(), identity.clients(), identity.clients(),
                identity.apiKeys(), identity.apiKeys(), identity.apiKeys(), identity.tokens(), identity.tokens(),
                identity.tokens(), identity.failedAuthentications(), identity.signingKeys(), identity.signingKeys(),
                identity.changes());
    }

    @Override
    protected void closePorts() {
        database.close();
    }
}
