package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.StoreCopy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar customer-classification-server.jar copy-store --from FILE|URL [--to URL|FILE]}: copies every
 * record of one store into another, empty one, keys included ({@link StoreCopy}) — an SQLite file into the
 * PostgreSQL database that several instances will share, say (docs/operations.md). Both stores are migrated to this
 * build's schema first. Exit status 0 when copied, 1 when a store cannot be opened or the target is not empty, 2 for
 * a bad command line.
 */
@Command(name = "copy-store", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Copies every record of one store into another, empty one, keys included (an SQLite file into"
                + " PostgreSQL, say). The servers over either store should be stopped while it runs.")
final class CopyStoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE|URL",
            description = "The store to copy: an SQLite file, or postgresql://user:password@host:port/database.")
    private String from;

    @Option(names = "--to", paramLabel = "URL|FILE", defaultValue = "${env:" + ServerConfig.ENV_DB + "}",
            description = "The empty store to copy into (default: $" + ServerConfig.ENV_DB + ", which keeps a password"
                    + " out of the command line).")
    private String to;

    /** Runs the command on {@code args}; returns its exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine command = new CommandLine(new CopyStoreCommand());
        command.setOut(out);
        command.setErr(err);
        return command.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to == null || to.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--to (or $" + ServerConfig.ENV_DB + ") must name the store to copy into");
        }
        DatabaseLocation source;
        DatabaseLocation target;
        try {
            source = DatabaseLocation.parse(from, "--from").withPasswordFrom(System.getenv());
            target = DatabaseLocation.parse(to, "--to").withPasswordFrom(System.getenv());
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!source.isPostgres() && !Files.isRegularFile(source.file())) {
            err.println("error: --from: no database file " + source);
            return 1;
        }
        try (SqlStore copied = source.open(2); SqlStore into = target.open(2)) {
            StoreCopy.Counts counts = StoreCopy.copy(copied, into);
            out.println("copied " + counts.companies() + " companies besides company 0, " + counts.profiles()
                    + " customer profiles, " + counts.types() + " customer types, " + counts.clients()
                    + " API clients and " + counts.idempotencyKeys() + " idempotency keys from " + source + " to "
                    + target);
            return 0;
        } catch (DatabaseUnavailableException | IllegalStateException e) {
            err.println("error: " + e.getMessage() + " (nothing was copied)");
            return 1;
        }
    }
}
