package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.StorePorts;
import io.customerclassification.application.contract.IdempotencyPortsContract;
import io.customerclassification.application.contract.PortSet;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteIdempotencyPortsTest extends IdempotencyPortsContract {

    @TempDir
    Path folder;

    private SqliteDatabase database;

    @Override
    protected PortSet createPorts() {
        database = SqliteDatabase.open(folder.resolve("contract.db"));
        return StorePorts.of(database.stores());
    }

    @Override
    protected void closePorts() {
        database.close();
    }
}
