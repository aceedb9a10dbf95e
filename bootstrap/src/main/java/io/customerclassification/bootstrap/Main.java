package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import io.customerclassification.adapter.jdbi.sqlite.SqliteNativeLibrary;
import io.customerclassification.bootstrap.cli.OperatorCommands;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar customer-classification-server.jar [options]}: starts the server and stops it cleanly on
 * SIGTERM or Ctrl-C. Exit status 2 for a bad command line, 1 when the server cannot start.
 * {@code java -jar customer-classification-server.jar clients|keys|companies|export|import …}: an operator's command
 * on the store ({@link OperatorCommands}). {@code … copy-store --from … --to …} copies one store into another
 * instead ({@link CopyStoreCommand}).
 */
public final class Main {

    /** The PostgreSQL connections an operator command keeps: it runs one statement at a time. */
    private static final int COMMAND_POOL = 2;

    /** Not a static field: the logging binding then starts on the warm-up thread, beside the database. */
    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }

    private static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

    private Main() {}

    public static void main(String[] args) {
        // Hibernate Validator logs through jboss-logging, which would pick java.util.logging and its two-line
        // format; route it to the server's log instead, unless the caller chose otherwise.
        if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
            System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
        }
        if (args.length > 0 && OperatorCommands.NAMES.contains(args[0])) {
            System.exit(operatorCommand(args));
            return;
        }
        if (args.length > 0 && args[0].equals("copy-store")) {
            System.exit(CopyStoreCommand.run(Arrays.copyOfRange(args, 1, args.length), utf8(System.out),
                    utf8(System.err)));
            return;
        }
        if (ServerConfig.wantsHelp(args)) {
            System.out.println(ServerConfig.USAGE);
            return;
        }
        ServerConfig config;
        try {
            config = ServerConfig.from(args, System.getenv());
        } catch (ConfigurationException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        long startedAt = System.nanoTime();
        CustomerClassificationServer server;
        try {
            server = CustomerClassificationServer.start(config,
                    () -> nativeLibraryCache(System.getenv()).ifPresent(SqliteNativeLibrary::useCache));
        } catch (ConfigurationException | DatabaseUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log().info("stopping: finishing in-flight requests, then closing the database");
            server.stop();
            log().info("stopped");
        }, "shutdown"));
        log().info("listening on http://{}:{} (database {}) — started in {} ms", config.host(), server.port(),
                config.database(), (System.nanoTime() - startedAt) / 1_000_000);
    }

    private static int operatorCommand(String[] args) {
        Map<String, String> env = System.getenv();
        nativeLibraryCache(env).ifPresent(SqliteNativeLibrary::useCache);
        String database = Optional.ofNullable(env.get(ServerConfig.ENV_DB)).filter(value -> !value.isBlank())
                .orElse(ServerConfig.DEFAULT_DATABASE.toString());
        return OperatorCommands.run(args, database,
                location -> CustomerClassification.open(location.withPasswordFrom(env), COMMAND_POOL, null),
                utf8(System.out), utf8(System.err));
    }

    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /**
     * {@code $XDG_CACHE_HOME/customer-classification}, else {@code ~/.cache/customer-classification}: where the
     * server keeps its copy of SQLite's native library rather than extracting one on every start.
     */
    static Optional<Path> nativeLibraryCache(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "customer-classification"));
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, ".cache", "customer-classification"));
    }
}
