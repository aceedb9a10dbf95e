package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.DomainException;
import io.customerclassification.domain.shared.Name;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the server runs. Defaults need no setup; environment variables override them and command-line flags
 * override both.
 *
 * @param database an SQLite file or a PostgreSQL database
 * @param extraCompanies companies registered at start-up besides company 0
 * @param connectionsPerAddress open connections one client address may hold (docs/reliability.md): a share of
 *     the connection limit, so that one client cannot take them all; behind a load balancer, which is one address
 *     for every client, raise it to the connection limit
 * @param databasePool the connections a PostgreSQL store keeps (SQLite's pool is fixed)
 * @param identity who may call, and how they prove it (docs/security.md)
 */
public record ServerConfig(String host, int port, DatabaseLocation database, List<Company> extraCompanies,
        int connectionsPerAddress, int databasePool, IdentityConfig identity) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATABASE = Path.of("data", "customer-classification.db");

    public static final String ENV_HOST = "CLASSIFICATION_HOST";
    public static final String ENV_PORT = "CLASSIFICATION_PORT";
    public static final String ENV_DB = "CLASSIFICATION_DB";
    public static final String ENV_COMPANIES = "CLASSIFICATION_COMPANIES";
    public static final String ENV_CONNECTIONS_PER_ADDRESS = "CLASSIFICATION_CONNECTIONS_PER_ADDRESS";
    public static final String ENV_AUTH = "CLASSIFICATION_AUTH";
    public static final String ENV_BOOTSTRAP_CLIENT = "CLASSIFICATION_BOOTSTRAP_CLIENT";
    public static final String ENV_OIDC_ISSUER = "CLASSIFICATION_OIDC_ISSUER";
    public static final String ENV_OIDC_GRANTS_CLAIM = "CLASSIFICATION_OIDC_GRANTS_CLAIM";
    public static final String ENV_OIDC_AUDIENCE = "CLASSIFICATION_OIDC_AUDIENCE";
    public static final String DEFAULT_OIDC_GRANTS_CLAIM = "customer_classification_grants";
    public static final String ENV_DB_POOL = "CLASSIFICATION_DB_POOL";
    public static final int DEFAULT_DB_POOL = PostgresDatabase.DEFAULT_POOL_SIZE;
    static final int MAX_DB_POOL = 256;
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = HttpServer.Limits.DEFAULT.connectionsPerAddress();
    private static final int CONNECTIONS = HttpServer.Limits.DEFAULT.connections();

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar customer-classification-server.jar [options]",
            "",
            "Options (flags win over environment variables, which win over defaults):",
            "  --host ADDRESS     bind address            env " + ENV_HOST + "   default " + DEFAULT_HOST,
            "  --port N           TCP port, 0 = any free   env " + ENV_PORT + "   default " + DEFAULT_PORT,
            "  --db FILE|URL      SQLite database file, or a PostgreSQL database shared by several instances",
            "                     (postgresql://user:password@host:port/database)",
            "                                              env " + ENV_DB + "     default " + DEFAULT_DATABASE,
            "                     the PostgreSQL password, when the URL has none: env "
                    + DatabaseLocation.ENV_PASSWORD,
            "  --db-pool N        connections to PostgreSQL, 1-" + MAX_DB_POOL,
            "                                              env " + ENV_DB_POOL + "   default " + DEFAULT_DB_POOL,
            "  --company ID=Name  register a company (repeatable)",
            "                                              env " + ENV_COMPANIES + " (ID=Name pairs separated by ';')",
            "  --connections-per-address N",
            "                     connections one client address may hold, 1-" + CONNECTIONS,
            "                                              env " + ENV_CONNECTIONS_PER_ADDRESS + "   default "
                    + DEFAULT_CONNECTIONS_PER_ADDRESS + " (behind a load balancer: " + CONNECTIONS + ")",
            "  --auth required|none",
            "                     none: no credentials, for local tests on a loopback host only",
            "                                              env " + ENV_AUTH + "   default required",
            "  --bootstrap-client ID:SECRET",
            "                     create or update this admin client at every start (prefer the env variable:",
            "                     a flag is visible to every user of the machine)",
            "                                              env " + ENV_BOOTSTRAP_CLIENT,
            "  --oidc-issuer URL  also accept the access tokens of this OpenID Connect issuer",
            "                                              env " + ENV_OIDC_ISSUER,
            "  --oidc-grants-claim NAME",
            "                     the claim of its tokens that carries the grants",
            "                                              env " + ENV_OIDC_GRANTS_CLAIM + "   default "
                    + DEFAULT_OIDC_GRANTS_CLAIM,
            "  --oidc-audience AUD",
            "                     a value its tokens' aud must hold (default: any)",
            "                                              env " + ENV_OIDC_AUDIENCE,
            "  --help             print this help and exit",
            "",
            "Commands (each on the store named by --db, see COMMAND --help):",
            "  clients create|list|show|update|delete|rotate-secret|create-key|keys|revoke-key",
            "  keys rotate",
            "  companies list|add",
            "  copy-store --from FILE|URL --to URL|FILE",
            "                     copy every record of one store into another, empty one, keys included",
            "",
            "Company 0 (\"Default Company\") always exists. On a store with no client, the first start creates",
            "the admin client 'admin' and prints its secret once.");

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        extraCompanies = List.copyOf(extraCompanies);
        if (databasePool < 1 || databasePool > MAX_DB_POOL) {
            throw new ConfigurationException("the database pool must hold between 1 and " + MAX_DB_POOL
                    + " connections, was " + databasePool);
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("port must be between 0 and 65535, was " + port);
        }
        if (connectionsPerAddress < 1 || connectionsPerAddress > CONNECTIONS) {
            throw new ConfigurationException("connections per address must be between 1 and " + CONNECTIONS + ", was "
                    + connectionsPerAddress);
        }
        Objects.requireNonNull(identity, "identity").checkHost(host);
    }

    /** With the default share of connections per client address, the default pool, and credentials required. */
    public ServerConfig(String host, int port, DatabaseLocation database, List<Company> extraCompanies) {
        this(host, port, database, extraCompanies, DEFAULT_CONNECTIONS_PER_ADDRESS, DEFAULT_DB_POOL,
                IdentityConfig.REQUIRED);
    }

    /** Over an SQLite file. */
    public ServerConfig(String host, int port, Path database, List<Company> extraCompanies) {
        this(host, port, DatabaseLocation.file(database), extraCompanies);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATABASE, List.of());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, database, extraCompanies, connectionsPerAddress, databasePool,
                identity);
    }

    public ServerConfig withDatabase(DatabaseLocation newDatabase) {
        return new ServerConfig(host, port, newDatabase, extraCompanies, connectionsPerAddress, databasePool,
                identity);
    }

    public ServerConfig withIdentity(IdentityConfig newIdentity) {
        return new ServerConfig(host, port, database, extraCompanies, connectionsPerAddress, databasePool,
                newIdentity);
    }

    /** Whether the arguments ask for the help text rather than a server. */
    public static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * @throws ConfigurationException naming the flag or variable and what is wrong with it
     */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        String host = env.getOrDefault(ENV_HOST, DEFAULT_HOST);
        String port = env.get(ENV_PORT);
        String database = env.get(ENV_DB);
        Map<CompanyId, Company> companies = new LinkedHashMap<>();
        String envCompanies = env.get(ENV_COMPANIES);
        if (envCompanies != null && !envCompanies.isBlank()) {
            for (String pair : envCompanies.split(";")) {
                if (!pair.isBlank()) {
                    addCompany(companies, pair.strip(), ENV_COMPANIES);
                }
            }
        }
        String perAddress = env.get(ENV_CONNECTIONS_PER_ADDRESS);
        String pool = env.get(ENV_DB_POOL);
        String poolSource = ENV_DB_POOL;
        String perAddressSource = ENV_CONNECTIONS_PER_ADDRESS;
        Map<String, String> identity = new LinkedHashMap<>();
        Map<String, String> identitySources = new LinkedHashMap<>();
        IDENTITY_FLAGS.forEach((flag, variable) -> {
            if (env.get(variable) != null) {
                identity.put(flag, env.get(variable));
                identitySources.put(flag, variable);
            }
        });
        String portSource = ENV_PORT;
        String databaseSource = ENV_DB;
        String hostSource = ENV_HOST;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0 && !arg.startsWith("--company")) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (arg.startsWith("--company=")) {
                flag = "--company";
                value = arg.substring("--company=".length());
            }
            switch (flag) {
                case "--host", "--port", "--db", "--company", "--connections-per-address", "--db-pool", "--auth",
                        "--bootstrap-client", "--oidc-issuer", "--oidc-grants-claim", "--oidc-audience" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new ConfigurationException(flag + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (flag) {
                        case "--host" -> {
                            host = value;
                            hostSource = "--host";
                        }
                        case "--port" -> {
                            port = value;
                            portSource = "--port";
                        }
                        case "--db" -> {
                            database = value;
                            databaseSource = "--db";
                        }
                        case "--connections-per-address" -> {
                            perAddress = value;
                            perAddressSource = "--connections-per-address";
                        }
                        case "--db-pool" -> {
                            pool = value;
                            poolSource = "--db-pool";
                        }
                        case "--company" -> addCompany(companies, value, "--company");
                        default -> {
                            identity.put(flag, value);
                            identitySources.put(flag, flag);
                        }
                    }
                }
                default -> throw new ConfigurationException("unknown option '" + arg + "' (see --help)");
            }
        }
        if (host.isBlank()) {
            throw new ConfigurationException(hostSource + " must not be empty");
        }
        return new ServerConfig(
                host,
                port == null ? DEFAULT_PORT : parsePort(port, portSource),
                database == null ? DatabaseLocation.file(DEFAULT_DATABASE) : DatabaseLocation.parse(database, databaseSource)
                        .withPasswordFrom(env),
                new ArrayList<>(companies.values()),
                perAddress == null ? DEFAULT_CONNECTIONS_PER_ADDRESS
                        : parseConnections(perAddress, perAddressSource, CONNECTIONS),
                pool == null ? DEFAULT_DB_POOL : parseConnections(pool, poolSource, MAX_DB_POOL),
                parseIdentity(identity, identitySources));
    }

    /** The identity flags, each with the environment variable that stands in for it. */
    private static final Map<String, String> IDENTITY_FLAGS = Map.of(
            "--auth", ENV_AUTH,
            "--bootstrap-client", ENV_BOOTSTRAP_CLIENT,
            "--oidc-issuer", ENV_OIDC_ISSUER,
            "--oidc-grants-claim", ENV_OIDC_GRANTS_CLAIM,
            "--oidc-audience", ENV_OIDC_AUDIENCE);

    private static IdentityConfig parseIdentity(Map<String, String> values, Map<String, String> sources) {
        String auth = values.getOrDefault("--auth", "required").strip();
        if (!auth.equals("required") && !auth.equals("none")) {
            throw new ConfigurationException(sources.get("--auth") + " must be required or none, was '" + auth + "'");
        }
        String bootstrap = values.get("--bootstrap-client");
        IdentityConfig.BootstrapClient client = bootstrap == null ? null
                : IdentityConfig.BootstrapClient.parse(bootstrap, sources.get("--bootstrap-client"));
        IdentityConfig.ExternalIssuer issuer = null;
        String url = values.get("--oidc-issuer");
        if (url != null) {
            issuer = new IdentityConfig.ExternalIssuer(parseIssuer(url, sources.get("--oidc-issuer")),
                    values.getOrDefault("--oidc-grants-claim", DEFAULT_OIDC_GRANTS_CLAIM),
                    values.get("--oidc-audience"));
        } else if (values.containsKey("--oidc-grants-claim") || values.containsKey("--oidc-audience")) {
            String source = sources.getOrDefault("--oidc-grants-claim", sources.get("--oidc-audience"));
            throw new ConfigurationException(source + " needs --oidc-issuer");
        }
        return new IdentityConfig(auth.equals("required"), client, issuer);
    }

    private static URI parseIssuer(String value, String source) {
        try {
            URI uri = new URI(value.strip());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigurationException(source + " must be the issuer's http(s) URL, was '" + value + "'");
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(source + " must be a port number between 0 and 65535, was '" + value + "'");
    }

    /** A number of connections between 1 and {@code max}. */
    private static int parseConnections(String value, String source, int max) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 1 && count <= max) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(source + " must be a number of connections between 1 and " + max
                + ", was '" + value + "'");
    }

    private static void addCompany(Map<CompanyId, Company> companies, String spec, String source) {
        int equals = spec.indexOf('=');
        if (equals <= 0) {
            throw new ConfigurationException(source + " takes ID=Name, was '" + spec + "'");
        }
        String id = spec.substring(0, equals).strip();
        String name = spec.substring(equals + 1);
        Company company;
        try {
            company = new Company(CompanyId.of(Long.parseLong(id)), Name.of(name));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(source + " takes a non-negative integer company ID, was '" + id + "'");
        } catch (DomainException e) {
            throw new ConfigurationException(source + " '" + spec + "': " + e.getMessage());
        }
        if (company.id().isDefault()) {
            throw new ConfigurationException(source + ": company 0 always exists as \"Default Company\"");
        }
        companies.put(company.id(), company);
    }
}
