package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void helpIsRecognised() {
        assertTrue(ServerConfig.wantsHelp(new String[] {"--port", "1", "--help"}));
        assertFalse(ServerConfig.wantsHelp(new String[] {"--port", "1"}));
    }

    private static Company company(long id, String name) {
        return new Company(CompanyId.of(id), Name.of(name));
    }
}
