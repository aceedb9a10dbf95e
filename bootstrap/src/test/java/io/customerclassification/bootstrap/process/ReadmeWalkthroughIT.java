package io.customerclassification.bootstrap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of README.md's walk-through, in order and in one shell (so that a variable one command sets is
 * there for the next, as in a terminal), against the packaged server on a fresh database, and compares what it
 * prints with what README.md shows. Timestamps, support ids, tokens and secrets differ from run to run and are
 * compared by shape only.
 */
class ReadmeWalkthroughIT {

    private record Step(String command, String expected) {}

    private static final long STEP_SECONDS = 30;

    @TempDir
    Path folder;

    @Test
    void theWalkthroughPrintsWhatReadmeShows() throws Exception {
        List<Step> steps = steps(Files.readString(
                Path.of(System.getProperty("project.root", "..")).resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(steps.size() >= 10, "the walk-through has " + steps.size() + " commands");
        try (ServerProcess server = ServerProcess.start(folder.resolve("walkthrough.db"));
                Shell shell = new Shell(folder, FirstStart.credentials(server.output()))) {
            for (Step step : steps) {
                String command = step.command().replace("localhost:8080", "127.0.0.1:" + server.port());
                assertEquals(normalise(step.expected()), normalise(shell.run(command)),
                        "README.md command: " + step.command());
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

    private static String normalise(String text) {
        return text.replace("\r", "")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<timestamp>")
                .replaceAll("\"supportId\":\"[^\"]*\"", "\"supportId\":\"<id>\"")
                .replaceAll("\"(access_token|refresh_token|clientSecret|apiKey|keyId)\":\"[^\"]*\"", "\"$1\":\"<$1>\"")
                .strip();
    }

    /** One bash, fed one command at a time; each command's output ends where a marker it prints after it begins. */
    private static final class Shell implements AutoCloseable {

        private final Process bash;
        private final Writer input;
        private final Path output;
        private int steps;

        Shell(Path folder, Map<String, String> env) throws IOException {
            output = Files.createTempFile(folder, "shell-", ".out");
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            bash = builder.start();
            input = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        }

        String run(String command) throws IOException, InterruptedException {
            String marker = "<<<walk-through step " + ++steps + " done>>>";
            int from = Files.readAllBytes(output).length;
            input.write(command + "\nprintf '\\n%s\\n' '" + marker + "'\n");
            input.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
            while (true) {
                byte[] all = Files.readAllBytes(output);
                String printed = new String(all, from, all.length - from, StandardCharsets.UTF_8);
                int end = printed.indexOf(marker);
                if (end >= 0) {
                    return printed.substring(0, end);
                }
                if (!bash.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no end of '" + command + "' within " + STEP_SECONDS + " s; it printed:\n"
                            + printed);
                }
                Thread.sleep(10);
            }
        }

        @Override
        public void close() throws IOException {
            input.close();
            bash.destroyForcibly();
        }
    }
}
