package org.lrplayground.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A process a test started, its output in a file of its own under {@code target/child-processes/}.
 * It is ended by {@link #close}, or when the test JVM exits without getting there.
 */
final class ChildProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "child-processes");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;
    /** Left out of a failure's log tail, so that it ends with the causes rather than the frames of the last one. */
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ )");

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killer;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killer = new Thread(process::destroyForcibly, "kill " + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts {@code command} with {@code environment} added to this JVM's, in this JVM's directory. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment) throws IOException {
        return start(name, Path.of(""), command, environment);
    }

    /** Starts {@code command} in {@code directory}: its relative paths, such as the app's ./data, are there. */
    static ChildProcess start(String name, Path directory, List<String> command, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    /** Polls {@code GET url} until it answers 200; fails as soon as the process has ended, or after {@code limit}. */
    void awaitOk(URI url, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "status " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            try {
                process.onExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                throw failure(name + " ended (exit code " + process.exitValue() + ") before " + url + " answered 200");
            } catch (TimeoutException stillRunning) {
                // the pause between two polls
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        throw failure(url + " did not answer 200 within " + limit.toSeconds() + " s (last: " + last + ")");
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, no flush) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks the process to end (SIGTERM); {@link #close} then waits for it. */
    void stop() {
        process.destroy();
    }

    /** Ends the process: asks, and after a few seconds kills it. */
    @Override
    public void close() throws InterruptedException {
        stop();
        if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(killer);
    }

    private AssertionError failure(String what) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(line -> !STACK_FRAME.matcher(line).find()).toList();
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            tail = "(unreadable: " + e + ")";
        }
        return new AssertionError(what + "; the end of " + log + ", stack frames left out:\n" + tail);
    }
}
