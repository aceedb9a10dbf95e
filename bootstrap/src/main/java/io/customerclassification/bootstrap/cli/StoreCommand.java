package io.customerclassification.bootstrap.cli;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.bootstrap.DatabaseLocation;
import java.io.InputStream;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every operator command shares: the store it opens, and where it writes. */
abstract class StoreCommand {

    /** The operator, trusted without checks: whoever can run the jar on the store can read it anyway. */
    static final Caller OPERATOR = Caller.system(null);

    /** The store a command works on. */
    static final class Store {

        @Option(names = "--db", paramLabel = "FILE|URL",
                description = "the store: an SQLite database file or a PostgreSQL URL (env CLASSIFICATION_DB,"
                        + " default ${DEFAULT-VALUE})")
        DatabaseLocation database;
    }

    Function<DatabaseLocation, CustomerClassification> opener;
    /** Standard input, for a command that reads it. */
    InputStream input;

    @Spec
    CommandSpec spec;

    CustomerClassification open(Store store) {
        return opener.apply(store.database);
    }

    void println(String line) {
        spec.commandLine().getOut().println(line);
    }
}
