package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.admin.AdminApi;
import io.customerclassification.adapter.http.intacct.IntacctDialect;
import io.customerclassification.adapter.http.oauth.OAuthDialect;
import io.customerclassification.adapter.http.simpro.SimproDialect;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.identity.BootstrapAdminClientCommand;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable server: the embedded use cases over the configured database file, served by both HTTP dialects.
 * {@link #start} returns once the server accepts requests; {@link #stop} lets in-flight requests finish, then
 * closes the database.
 */
public final class CustomerClassificationServer implements AutoCloseable {

    /** The operator's configuration, applied at start as the trusted system. */
    private static final Caller OPERATOR = Caller.system(null);
    private static final Logger LOG = LoggerFactory.getLogger(CustomerClassificationServer.class);

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
        CustomerClassification app = CustomerClassification.open(config.database(), config.databasePool(),
                config.identity().externalIssuer());
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
            BearerAuthentication authentication = startIdentity(services, config.identity());
            HttpServer.Limits limits = readLimit(HttpServer.Limits.DEFAULT.withConnections(
                    HttpServer.Limits.DEFAULT.connections(), config.connectionsPerAddress()), config.database());
            HttpServer http = HttpServer.start(config.host(), config.port(), dialects(services, authentication),
                    () -> StoreState.of(app), limits, new ServerMetrics(app::poolState));
            http.markReady();
            return new CustomerClassificationServer(app, http);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Reads take turns of their own on SQLite, where they are CPU work in this process. Over PostgreSQL a read
     * mostly waits for the database's answer, and a read limit there is not measured yet, so reads share the
     * request slots alone, as before.
     */
    static HttpServer.Limits readLimit(HttpServer.Limits limits, DatabaseLocation database) {
        return database.isPostgres() ? limits.withReads(limits.activeRequests()) : limits;
    }

    /**
     * What the server serves: the token endpoints first (Intacct's path {@code /ia/api/v1/oauth2} lies within the
     * Intacct dialect's own), the admin API, then both vendor dialects.
     */
    static List<HttpDialect> dialects(Services services, BearerAuthentication authentication) {
        OAuthDialect oauth = new OAuthDialect(new OAuthDialect.UseCases(services.tokens(), services.tokens(),
                services.tokens(), services.tokens()));
        AdminApi admin = new AdminApi(AdminApi.UseCases.of(services.clients(), services.tokens(),
                services.companies()), authentication);
        SimproDialect simpro = new SimproDialect(SimproDialect.UseCases.of(services.profiles(),
                services.companies(), services.idempotency()), authentication);
        IntacctDialect intacct = new IntacctDialect(IntacctDialect.UseCases.of(services.types(),
                services.companies(), services.idempotency()), authentication, Clock.systemUTC());
        return List.of(oauth, admin, simpro, intacct);
    }

    /**
     * Makes sure a key signs tokens, then who may call: the operator's bootstrap client, else on a store with no
     * client a first admin client whose secret is printed once; or nobody needs to, with a warning at every start.
     */
    private static BearerAuthentication startIdentity(Services services, IdentityConfig identity) {
        services.tokens().ensureSigningKey();
        if (!identity.authenticationRequired()) {
            LOG.warn("--auth none: every request is served without credentials, as the trusted system."
                    + " For local tests only; never expose this server.");
            return BearerAuthentication.off();
        }
        if (identity.bootstrapClient() != null) {
            IdentityConfig.BootstrapClient client = identity.bootstrapClient();
            services.clients().bootstrapAdminClient(new BootstrapAdminClientCommand(client.clientId(),
                    client.secret()));
            LOG.info("bootstrap admin client '{}' created or updated", client.clientId());
        } else {
            services.clients().createFirstAdminClient().ifPresent(CustomerClassificationServer::announce);
        }
        return BearerAuthentication.required(services.authentication());
    }

    /**
     * The first admin client's credentials, printed once on standard output rather than through the log, so that
     * no log line carries a secret: the operator takes them from the console of the first start.
     */
    private static void announce(ClientWithSecret admin) {
        String rule = "=".repeat(78);
        System.out.println(String.join(System.lineSeparator(), rule,
                "First start: this store had no client, so an admin client with every permission on every company",
                "was created. Take a token with these credentials (POST /oauth2/token, grant_type=client_credentials).",
                "The secret is shown this once and stored only as a hash; rotate it with",
                "'clients rotate-secret " + admin.client().id() + "' if it is lost.",
                "",
                "    client_id:     " + admin.client().id(),
                "    client_secret: " + admin.secret(),
                rule));
        System.out.flush();
    }

    /**
     * Every command and query validates itself, and the validator is slow to build: build it on its own thread
     * from the start, beside the database and the HTTP stack, rather than in the first client's request.
     */
    private static void warmUpValidation() {
        Thread thread = new Thread(() -> new GetCustomerProfileQuery(Caller.system(null), CompanyId.DEFAULT,
                CustomerProfileId.of(1)), "warm-up-validation");
        thread.setDaemon(true);
        thread.start();
    }

    private static void register(CustomerClassification app, Company company) {
        try {
            app.registerCompany(new RegisterCompanyCommand(OPERATOR, company.id(), company.name()));
        } catch (CompanyAlreadyExistsException e) {
            String stored = app.getCompany(new GetCompanyQuery(OPERATOR, company.id())).name().value();
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
