package io.customerclassification.bootstrap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.e2e.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server jar as a user runs it: defaults, flags, environment, exit codes and messages. */
class CommandLineIT {

    @TempDir
    Path folder;

    private ServerProcess run(Map<String, String> env, String... args) {
        return ServerProcess.launch(folder, env, args);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        ServerProcess help = run(Map.of(), "--help");
        assertEquals(0, help.awaitExit(30), help.output());
        assertTrue(help.output().contains("Usage: java -jar customer-classification-server.jar"), help.output());
        assertTrue(help.output().contains("--company ID=Name"), help.output());
    }

    @Test
    void anUnknownFlagIsRefusedWithExitTwo() {
        ServerProcess bad = run(Map.of(), "--prot", "9000");
        assertEquals(2, bad.awaitExit(30), bad.output());
        assertTrue(bad.output().contains("error: unknown option '--prot' (see --help)"), bad.output());
    }

    @Test
    void aBadPortIsRefusedWithExitTwo() {
        ServerProcess bad = run(Map.of(), "--port", "http");
        assertEquals(2, bad.awaitExit(30), bad.output());
        assertTrue(bad.output().contains("error: --port must be a port number between 0 and 65535, was 'http'"),
                bad.output());
    }

    @Test
    void aBadEnvironmentVariableIsNamed() {
        ServerProcess bad = run(Map.of("CLASSIFICATION_PORT", "-1"));
        assertEquals(2, bad.awaitExit(30), bad.output());
        assertTrue(bad.output().contains("error: CLASSIFICATION_PORT must be a port number"), bad.output());
    }

    @Test
    void anUnwritableDatabasePathFailsWithExitOne() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        ServerProcess bad = run(Map.of(), "--port", "0", "--db", file.resolve("classification.db").toString());
        assertEquals(1, bad.awaitExit(30), bad.output());
        assertTrue(bad.output().contains("error: cannot create the folder of the database"), bad.output());
    }

    @Test
    void aPortInUseFailsWithExitOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerProcess bad = run(Map.of(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, bad.awaitExit(30), bad.output());
            assertTrue(bad.output().contains("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), bad.output());
        }
    }

    @Test
    void withNoSetupTheDatabaseIsCreatedUnderData() {
        try (ServerProcess server = run(Map.of(), "--port", "0", "--auth", "none")) {
            int port = server.awaitListening(ServerProcess.START_SECONDS);
            assertEquals(200, new Http(port).get("/health").status());
            assertTrue(Files.isRegularFile(folder.resolve("data/customer-classification.db")), server.output());
            assertTrue(server.awaitOutput("INFO requests - method=GET path=/health status=200 durationMs=", 10),
                    "one structured line per request:\n" + server.output());
            // a request that builds the validator, which would log its version through java.util.logging
            assertEquals(404, new Http(port).get("/api/v1.0/companies/0/setup/customerProfiles/1").status());
            server.terminate();
            server.awaitExit(30);
            assertTrue(!server.output().contains("org.hibernate.validator.internal.util.Version <clinit>"),
                    "no java.util.logging two-line records:\n" + server.output());
        }
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        try (ServerProcess server = run(Map.of("CLASSIFICATION_DB", folder.resolve("env.db").toString(),
                "CLASSIFICATION_PORT", "1", "CLASSIFICATION_COMPANIES", "3=Env Co"),
                "--port", "0", "--db", folder.resolve("flag.db").toString(), "--company", "4=Flag Co", "--auth",
                        "none")) {
            int port = server.awaitListening(ServerProcess.START_SECONDS);
            assertEquals("[{\"ID\":0,\"Name\":\"Default Company\"},{\"ID\":3,\"Name\":\"Env Co\"},"
                    + "{\"ID\":4,\"Name\":\"Flag Co\"}]", new Http(port).get("/api/v1.0/companies/").body());
            assertTrue(Files.exists(folder.resolve("flag.db")));
            assertTrue(Files.notExists(folder.resolve("env.db")));
        }
    }

    @Test
    void theClassArchiveBesideTheJarIsUsable() {
        assertTrue(Files.isRegularFile(ServerProcess.classArchive()), "mvn package writes "
                + ServerProcess.classArchive());
        // -Xshare:on turns "cannot use the archive" (another JVM build, a jar rebuilt since) into an error
        ServerProcess help = ServerProcess.launch(folder, Map.of(), List.of("-Xshare:on"), "--help");
        assertEquals(0, help.awaitExit(30), help.output());
        assertTrue(help.output().startsWith("Usage: java -jar customer-classification-server.jar"), help.output());
    }

    @Test
    void sqlitesNativeLibraryIsKeptInTheCacheFolderAndReused() throws IOException {
        Path cache = folder.resolve("cache");
        for (int start = 0; start < 2; start++) {
            try (ServerProcess server = run(Map.of("XDG_CACHE_HOME", cache.toString()), "--port", "0")) {
                assertEquals(200, new Http(server.awaitListening(ServerProcess.START_SECONDS)).get("/health").status());
            }
        }
        try (Stream<Path> files = Files.walk(cache)) {
            List<Path> libraries = files.filter(Files::isRegularFile).toList();
            assertEquals(1, libraries.size(), libraries.toString());
            assertTrue(libraries.get(0).startsWith(cache.resolve("customer-classification")), libraries.toString());
            assertTrue(libraries.get(0).getFileName().toString().contains("sqlitejdbc"), libraries.toString());
        }
    }

    @Test
    void sigtermStopsCleanly() {
        ServerProcess server = ServerProcess.start(folder.resolve("clean.db"), "--auth", "none");
        assertEquals(201, new Http(server.port())
                .post("/api/v1.0/companies/0/setup/customerProfiles/", "{\"Name\": \"Gold\"}").status());
        server.terminate();
        int status = server.awaitExit(30);
        assertEquals(143, status, "the JVM exits with 128+SIGTERM after its shutdown hook:\n" + server.output());
        assertTrue(server.output().contains("stopped"), server.output());
        assertTrue(Files.notExists(folder.resolve("clean.db-wal")) || sizeOf(folder.resolve("clean.db-wal")) == 0,
                "a clean stop folds the write-ahead log into the database file");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
