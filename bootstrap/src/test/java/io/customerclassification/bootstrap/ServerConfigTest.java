package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {

    private static ServerConfig parse(Map<String, String> env, String... args) {
        return ServerConfig.from(args, env);
    }

    @Test
    void defaultsNeedNoSetup() {
        ServerConfig config = parse(Map.of());
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertEquals(Path.of("data", "customer-classification.db"), config.database().file());
        assertEquals(List.of(), config.extraCompanies());
    }

    @Test
    void environmentOverridesDefaults() {
        ServerConfig config = parse(Map.of(
                "CLASSIFICATION_HOST", "0.0.0.0",
                "CLASSIFICATION_PORT", "9090",
                "CLASSIFICATION_DB", "/tmp/x.db",
                "CLASSIFICATION_COMPANIES", "1=Acme; 2=Beta Ltd"));
        assertEquals("0.0.0.0", config.host());
        assertEquals(9090, config.port());
        assertEquals(Path.of("/tmp/x.db"), config.database().file());
        assertEquals(List.of(company(1, "Acme"), company(2, "Beta Ltd")), config.extraCompanies());
    }

    @Test
    void flagsOverrideEnvironmentInBothSpellings() {
        ServerConfig config = parse(
                Map.of("CLASSIFICATION_PORT", "9090", "CLASSIFICATION_DB", "env.db", "CLASSIFICATION_COMPANIES", "1=Env"),
                "--port", "7070", "--db=flag.db", "--host", "::1", "--company", "1=Flag", "--company=3=Gamma");
        assertEquals(7070, config.port());
        assertEquals(Path.of("flag.db"), config.database().file());
        assertEquals("::1", config.host());
        assertEquals(List.of(company(1, "Flag"), company(3, "Gamma")), config.extraCompanies());
    }

    @Test
    void aPostgresqlUrlSelectsPostgresqlAndIsNeverShownWithItsPassword() {
        ServerConfig config = parse(Map.of("CLASSIFICATION_DB", "postgresql://cc:s3cret@db.example:5433/classes"));
        assertTrue(config.database().isPostgres());
        assertEquals("postgresql://cc:s3cret@db.example:5433/classes", config.database().postgresUrl());
        assertEquals("jdbc:postgresql://db.example:5433/classes as cc", config.database().toString());
        assertTrue(parse(Map.of(), "--db", "jdbc:postgresql://h/d?user=u&password=p").database().isPostgres());
        assertFalse(parse(Map.of(), "--db", "jdbc:postgresql://h/d?user=u&password=p").database().toString()
                .contains("password"));
        assertFalse(parse(Map.of(), "--db", "postgresql.db").database().isPostgres());
    }

    @Test
    void thePostgresqlPasswordMayComeFromTheEnvironmentInsteadOfTheUrl() {
        ServerConfig config = parse(Map.of("CLASSIFICATION_DB_PASSWORD", "s3cret"), "--db", "postgresql://cc@db:5433/c");
        assertEquals("s3cret", config.database().password());
        assertEquals("postgresql://cc@db:5433/c", config.database().postgresUrl(), "the URL is kept as given");
        assertFalse(config.database().toString().contains("s3cret"), config.database().toString());
        assertNull(parse(Map.of(), "--db", "postgresql://cc@db/c").database().password());
        assertNull(parse(Map.of("CLASSIFICATION_DB_PASSWORD", ""), "--db", "postgresql://cc@db/c").database()
                .password(), "an empty variable is no password");
        assertNull(parse(Map.of("CLASSIFICATION_DB_PASSWORD", "s3cret"), "--db", "file.db").database().password(),
                "an SQLite file has no password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://", "postgresql://u:p@/db", "postgresql://u:p@host", "postgresql://u:p@host/",
        "postgres://u:p@ho st/db"})
    void aBadPostgresqlUrlIsRefusedWithoutItsPassword(String url) {
        var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--db", url));
        assertTrue(error.getMessage().startsWith("--db: "), error.getMessage());
        assertFalse(error.getMessage().contains(":p@"), error.getMessage());
    }

    @Test
    void thePostgresqlPoolComesFromTheFlagOrTheEnvironment() {
        assertEquals(16, parse(Map.of()).databasePool());
        assertEquals(4, parse(Map.of("CLASSIFICATION_DB_POOL", "4")).databasePool());
        assertEquals(40, parse(Map.of("CLASSIFICATION_DB_POOL", "4"), "--db-pool", "40").databasePool());
        for (String bad : List.of("0", "257", "x", "")) {
            var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--db-pool", bad));
            assertTrue(error.getMessage().contains("--db-pool must be a number of connections between 1 and 256"),
                    error.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "", "80.5"})
    void badPortIsRefusedNamingTheFlag(String port) {
        var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--port", port));
        assertTrue(error.getMessage().startsWith("--port must be a port number"), error.getMessage());
    }

    @Test
    void badEnvironmentPortNamesTheVariable() {
        var error = assertThrows(ConfigurationException.class, () -> parse(Map.of("CLASSIFICATION_PORT", "x")));
        assertTrue(error.getMessage().startsWith("CLASSIFICATION_PORT"), error.getMessage());
    }

    @Test
    void unknownFlagAndMissingValueAreRefused() {
        assertEquals("unknown option '--verbose' (see --help)",
                assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--verbose")).getMessage());
        assertEquals("--db needs a value",
                assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--db")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "=Acme", "x=Acme", "-4=Acme", "0=Other", "5= Padded", "5="})
    void badCompanyIsRefused(String spec) {
        var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--company", spec));
        assertTrue(error.getMessage().startsWith("--company"), error.getMessage());
    }

    @Test
    void theShareOfConnectionsPerAddressComesFromTheFlagOrTheEnvironment() {
        assertEquals(512, parse(Map.of()).connectionsPerAddress());
        assertEquals(1024, parse(Map.of("CLASSIFICATION_CONNECTIONS_PER_ADDRESS", "1024")).connectionsPerAddress());
        assertEquals(64, parse(Map.of("CLASSIFICATION_CONNECTIONS_PER_ADDRESS", "1024"), "--connections-per-address",
                "64").connectionsPerAddress());
        assertEquals(8, parse(Map.of(), "--connections-per-address=8").connectionsPerAddress());
        assertEquals(8, parse(Map.of(), "--connections-per-address=8").withPort(1).connectionsPerAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1025", "-1", "many", ""})
    void aBadShareOfConnectionsIsRefusedNamingTheFlag(String share) {
        var error = assertThrows(ConfigurationException.class,
                () -> parse(Map.of(), "--connections-per-address", share));
        assertEquals("--connections-per-address must be a number of connections between 1 and 1024, was '" + share
                + "'", error.getMessage());
    }

    @Test
    void credentialsAreRequiredByDefault() {
        IdentityConfig identity = parse(Map.of()).identity();
        assertTrue(identity.authenticationRequired());
        assertNull(identity.bootstrapClient());
        assertNull(identity.externalIssuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "localhost", "127.0.0.2"})
    void authNoneIsAllowedOnALoopbackHost(String host) {
        assertFalse(parse(Map.of(), "--auth", "none", "--host", host).identity().authenticationRequired());
        assertFalse(parse(Map.of("CLASSIFICATION_AUTH", "none", "CLASSIFICATION_HOST", host))
                .identity().authenticationRequired());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "example.invalid"})
    void authNoneIsRefusedOnAnyOtherHost(String host) {
        var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--auth=none", "--host", host));
        assertTrue(error.getMessage().startsWith("--auth none serves every request without credentials"),
                error.getMessage());
        assertThrows(ConfigurationException.class,
                () -> parse(Map.of("CLASSIFICATION_AUTH", "none", "CLASSIFICATION_HOST", host)));
        assertThrows(ConfigurationException.class, () -> new ServerConfig(host, 0,
                DatabaseLocation.file(Path.of("x.db")), List.of(), ServerConfig.DEFAULT_CONNECTIONS_PER_ADDRESS,
                ServerConfig.DEFAULT_DB_POOL, IdentityConfig.NONE), "a config made in code too");
    }

    @Test
    void anUnknownAuthModeIsRefusedNamingItsSource() {
        assertEquals("--auth must be required or none, was 'off'",
                assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--auth", "off")).getMessage());
        assertEquals("CLASSIFICATION_AUTH must be required or none, was 'no'",
                assertThrows(ConfigurationException.class, () -> parse(Map.of("CLASSIFICATION_AUTH",
                        "no"))).getMessage());
    }

    @Test
    void theBootstrapClientIsReadFromTheFlagOrTheEnvironmentAndHidesItsSecret() {
        String secret = "s3cret-value_0123456789";
        IdentityConfig.BootstrapClient flag = parse(Map.of(), "--bootstrap-client", "ops:" + secret)
                .identity().bootstrapClient();
        assertEquals("ops", flag.clientId().value());
        assertEquals(secret, flag.secret());
        assertFalse(flag.toString().contains(secret));
        assertFalse(parse(Map.of(), "--bootstrap-client", "ops:" + secret).toString().contains(secret));
        assertEquals("env-ops", parse(Map.of("CLASSIFICATION_BOOTSTRAP_CLIENT", "env-ops:" + secret))
                .identity().bootstrapClient().clientId().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", ":0123456789abcdefgh", "op s:0123456789abcdefgh", "ops:short",
            "ops:has space 0123456789",
            "ops:0123456789abcdefgh:colon"})
    void aBadBootstrapClientIsRefusedWithoutEchoingTheSecret(String spec) {
        var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--bootstrap-client", spec));
        assertTrue(error.getMessage().startsWith("--bootstrap-client"), error.getMessage());
        int colon = spec.indexOf(':');
        if (colon >= 0 && colon + 1 < spec.length()) {
            assertFalse(error.getMessage().contains(spec.substring(colon + 1)), error.getMessage());
        }
    }

    @Test
    void anExternalIssuerTakesAnHttpUrlAndOptionallyItsClaimAndAudience() {
        IdentityConfig.ExternalIssuer issuer = parse(Map.of("CLASSIFICATION_OIDC_AUDIENCE", "api"), "--oidc-issuer",
                "https://idp.example.com/realms/acme").identity().externalIssuer();
        assertEquals("https://idp.example.com/realms/acme", issuer.issuer().toString());
        assertEquals("customer_classification_grants", issuer.grantsClaim());
        assertEquals("api", issuer.audience());
        assertEquals("roles", parse(Map.of(), "--oidc-issuer", "http://127.0.0.1:9000", "--oidc-grants-claim", "roles")
                .identity().externalIssuer().grantsClaim());
        for (String bad : List.of("idp.example.com", "ftp://idp", "https://", "https://idp?x=1", "::")) {
            var error = assertThrows(ConfigurationException.class, () -> parse(Map.of(), "--oidc-issuer", bad));
            assertTrue(error.getMessage().startsWith("--oidc-issuer must be the issuer's http(s) URL"), bad);
        }
        assertEquals("--oidc-grants-claim needs --oidc-issuer", assertThrows(ConfigurationException.class,
                () -> parse(Map.of(), "--oidc-grants-claim", "roles")).getMessage());
    }

    @Test
    void helpIsRecognised() {
        assertTrue(ServerConfig.wantsHelp(new String[] {"--port", "1", "--help"}));
        assertFalse(ServerConfig.wantsHelp(new String[] {"--port", "1"}));
    }

    private static Company company(long id, String name) {
        return new Company(CompanyId.of(id), Name.of(name));
    }
}
