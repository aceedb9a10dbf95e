package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.intacct.IntacctDialect;
import io.customerclassification.adapter.http.simpro.SimproDialect;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Clock;
import java.util.List;

/**
 * The runnable server: the embedded use cases over the configured database file, served by both HTTP dialects.
 * {@link #start} returns once the server accepts requests; {@link #stop} lets in-flight requests finish, then
 * closes the database.
 */
public final class CustomerClassificationServer implements AutoCloseable {

    private final CustomerClassification app;
    private final HttpServer http;

    private CustomerClassificationServer(CustomerClassification app, HttpServer http) {
        this.app = app;
        this.http = http;
    }

    /**
     * Opens (creating and migrating when needed) the database, registers the configured companies and starts
     * listening.
     *
     * @throws ConfigurationException when a configured company clashes with a stored one, or the address
     *     cannot be bound
     * @throws io.customerclassification.adapter.jdbi.DatabaseUnavailableException when the database cannot be
     *     opened, written or migrated
     */
    public static CustomerClassificationServer start(ServerConfig config) {
        return start(config, () -> {});
    }

    /**
     * As {@link #start(ServerConfig)}, running {@code beforeOpen} on the calling thread once the warm-up
     * threads are under way and before the database opens (the command line points SQLite at its native
     * library there).
     */
    static CustomerClassificationServer start(ServerConfig config, Runnable beforeOpen) {
        Thread warmUp = HttpServer.loadClassesInBackground();
        warmUpValidation();
        beforeOpen.run();
        CustomerClassification app = CustomerClassification.open(config.database(), config.databasePool());
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (Company company : config.extraCompanies()) {
                register(app, company);
            }
            Services services = app.services();
            SimproDialect simpro = new SimproDialect(SimproDialect.UseCases.of(services.profiles(),
                    services.companies()));
            IntacctDialect intacct = new IntacctDialect(IntacctDialect.UseCases.of(services.types(),
                    services.companies()), Clock.systemUTC());
            HttpServer.Limits limits = HttpServer.Limits.DEFAULT.withConnections(HttpServer.Limits.DEFAULT.connections(),
                    config.connectionsPerAddress());
            HttpServer http = HttpServer.start(config.host(), config.port(), List.of(simpro, intacct),
                    () -> StoreState.of(app), limits, new ServerMetrics(app::poolState));
            http.markReady();
            return new CustomerClassificationServer(app, http);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Every command and query validates itself, and the validator is slow to build: build it on its own thread
     * from the start, beside the database and the HTTP stack, rather than in the first client's request.
     */
    private static void warmUpValidation() {
        Thread thread = new Thread(() -> new GetCustomerProfileQuery(CompanyId.DEFAULT, CustomerProfileId.of(1)),
                "warm-up-validation");
        thread.setDaemon(true);
        thread.start();
    }

    private static void register(CustomerClassification app, Company company) {
        try {
            app.registerCompany(new RegisterCompanyCommand(company.id(), company.name()));
        } catch (CompanyAlreadyExistsException e) {
            String stored = app.getCompany(company.id()).name().value();
            throw new ConfigurationException("company " + company.id() + " is already registered as '" + stored
                    + "', not '" + company.name().value() + "'", e);
        }
    }

    /** The port the server listens on (the one chosen by the system when the configuration asked for 0). */
    public int port() {
        return http.port();
    }

    /** The use cases the server runs on, for an application that wants both. */
    public CustomerClassification application() {
        return app;
    }

    /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
    public void stop() {
        try {
            http.stop();
        } finally {
            app.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
