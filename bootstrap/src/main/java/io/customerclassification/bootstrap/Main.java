package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar customer-classification-server.jar [options]}: starts the server and stops it cleanly on
 * SIGTERM or Ctrl-C. Exit status 2 for a bad command line, 1 when the server cannot start.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
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
            server = CustomerClassificationServer.start(config);
        } catch (ConfigurationException | DatabaseUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing in-flight requests, then closing the database");
            server.stop();
            LOG.info("stopped");
        }, "shutdown"));
        LOG.info("listening on http://{}:{} (database {}) — started in {} ms", config.host(), server.port(),
                config.database().toAbsolutePath(), (System.nanoTime() - startedAt) / 1_000_000);
    }
}
