package io.customerclassification.bootstrap.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server jar run as a separate JVM, as a user runs it: its output captured, its port read from
 * the "listening on" line, stopped with SIGTERM or killed with SIGKILL. Every wait is bounded.
 */
public final class ServerProcess implements AutoCloseable {

    /**
     * How long a server may take to listen: far above its start-up on a quiet machine (about a second), so that a
     * machine shared with other builds, where a JVM can wait tens of seconds for a core, does not fail the test.
     */
    public static final int START_SECONDS = 90;

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+) ");

    private final Process process;
    private final Path log;
    private int port = -1;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The jar built by {@code mvn package}; failsafe passes its path. */
    public static Path jar() {
        String jar = System.getProperty("server.jar");
        if (jar == null) {
            throw new IllegalStateException("system property server.jar is not set: run this test with failsafe"
                    + " (mvn verify), after the jar is packaged");
        }
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the server jar " + path + " does not exist: run mvn package first");
        }
        return path;
    }

    /**
     * The class-data-sharing archive the build writes beside the jar, which README's run command passes to the
     * JVM; the processes here run the same way.
     */
    public static Path classArchive() {
        String name = jar().getFileName().toString().replaceFirst("\\.jar$", ".jsa");
        return jar().resolveSibling(name);
    }

    /** Starts {@code java -Xmx128m -XX:SharedArchiveFile=… -jar server.jar args…} in {@code workingDirectory}. */
    public static ServerProcess launch(Path workingDirectory, Map<String, String> env, String... args) {
        return launch(workingDirectory, env, List.of(), args);
    }

    /** Like {@link #launch(Path, Map, String...)} with more options for the JVM. */
    public static ServerProcess launch(Path workingDirectory, Map<String, String> env, List<String> jvmOptions,
            String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:SharedArchiveFile=" + classArchive()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        try {
            // A file, not a pipe: Process.destroy() closes the pipes, and the output of the shutdown must be kept.
            Path log = Files.createTempFile(workingDirectory, "server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("CLASSIFICATION_"));
            builder.environment().putAll(env);
            return new ServerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on a free port over {@code database} and waits until it listens. */
    public static ServerProcess start(Path database, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--db", database.toString()));
        args.addAll(List.of(extraArgs));
        ServerProcess server = launch(database.toAbsolutePath().getParent(), Map.of(), args.toArray(String[]::new));
        try {
            server.awaitListening(START_SECONDS);
        } catch (IllegalStateException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return the port, once the server logged that it listens */
    public int awaitListening(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (port < 0) {
            Matcher matcher = LISTENING.matcher(output());
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
                break;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start within " + seconds + " s:\n" + output());
            }
            sleep(20);
        }
        return port;
    }

    public int port() {
        return port;
    }

    /** @return whether the output contains {@code text} within {@code seconds} (the request log is written behind) */
    public boolean awaitOutput(String text, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!output().contains(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM: an orderly stop. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process dies at once, with no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** @return the exit status */
    public int awaitExit(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not exit within " + seconds + " s:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything the server printed so far (standard output and error). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(30);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
