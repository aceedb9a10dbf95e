package io.customerclassification.bootstrap.reliability;

import io.customerclassification.bootstrap.DatabaseLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The hostile-input properties over an SQLite file. */
class HostileInputTest extends HostileInput {

    private static Path folder;

    @BeforeContainer
    static void start() throws IOException {
        folder = Files.createTempDirectory("hostile-input");
        Path file = folder.resolve("hostile.db");
        startServerWithTwoSeededCompanies(DatabaseLocation.file(file), () -> DatabaseFile.open(file));
    }

    @AfterContainer
    static void stop() throws IOException {
        try {
            stopAndReport();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
