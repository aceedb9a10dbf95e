package io.customerclassification.bootstrap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of README.md's walk-through, in order, against the packaged server on a fresh database,
 * and compares what it prints with what README.md shows. Timestamps and support ids differ from run to run
 * and are compared by shape only.
 */
class ReadmeWalkthroughIT {

    private record Step(String command, String expected) {}

    @TempDir
    Path folder;

    @Test
    void theWalkthroughPrintsWhatReadmeShows() throws Exception {
        List<Step> steps = steps(Files.readString(
                Path.of(System.getProperty("project.root", "..")).resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(steps.size() >= 10, "the walk-through has " + steps.size() + " commands");
        try (ServerProcess server = ServerProcess.start(folder.resolve("walkthrough.db"))) {
            for (Step step : steps) {
                String command = step.command().replace("localhost:8080", "127.0.0.1:" + server.port());
                assertEquals(normalise(step.expected()), normalise(run(command)), "README.md command: " + step.command());
            }
        }
    }

    private static List<Step> steps(String readme) {
        int start = readme.indexOf("\n## Walk-through");
        int end = readme.indexOf("\n## ", start + 1);
        List<Step> steps = new ArrayList<>();
        boolean inBlock = false;
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("```")) {
                inBlock = line.equals("```console");
                if (!inBlock && command != null) {
                    steps.add(new Step(command, expected.toString()));
                    command = null;
                }
            } else if (inBlock && line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, expected.toString()));
                }
                command = line.substring(2);
                expected.setLength(0);
            } else if (inBlock) {
                expected.append(line).append('\n');
            }
        }
        return steps;
    }

    private String run(String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(folder, "step-", ".out");
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String normalise(String text) {
        return text.replace("\r", "")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<timestamp>")
                .replaceAll("\"supportId\":\"[^\"]*\"", "\"supportId\":\"<id>\"")
                .strip();
    }
}
