package org.linkwork.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A suite component running as its own process that outlives the launcher: started in a new
 * session (so a Ctrl-C in the launching shell does not reach it), output appended to
 * {@code logs/<name>.log}, pid kept in {@code run/<name>.pid} for {@code status} and {@code down}.
 */
final class ManagedProcess {

    /** Begins the line the launcher writes into a component's log before each start. */
    private static final String START_MARK = "---- ";

    private final String name;
    private final Path pidFile;
    private final Path logFile;

    ManagedProcess(String name, SuiteSettings settings) {
        this.name = name;
        this.pidFile = settings.run().resolve(name + ".pid");
        this.logFile = settings.logs().resolve(name + ".log");
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    void start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        try {
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, START_MARK + Instant.now() + " starting: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(detached).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new LauncherException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    Optional<ProcessHandle> running() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isRunning() {
        return running().isPresent();
    }

    /** SIGTERM to the process and its children, then SIGKILL whatever is left after {@code grace}. */
    boolean stop(Duration grace) {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            deletePidFile();
            return false;
        }
        List<ProcessHandle> all = new ArrayList<>(process.get().descendants().toList());
        all.add(0, process.get());
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        while (Instant.now().isBefore(deadline) && all.stream().anyMatch(ProcessHandle::isAlive)) {
            sleep(Duration.ofMillis(200));
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deletePidFile();
        return true;
    }

    /** SIGKILL, nothing else: what a crash or a lost node does to a service. */
    boolean kill() {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            return false;
        }
        process.get().destroyForcibly();
        process.get().onExit().join();
        deletePidFile();
        return true;
    }

    /** The last lines of the log, for a failure message that says what went wrong. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    /** Whether {@code log} has the line {@code line} after the launcher's latest start mark. */
    static boolean printedSinceStart(Path log, String line) {
        try {
            // Latin-1 decodes any byte, so a stray non-UTF-8 byte in a log cannot hide the (ASCII) line.
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).equals(line)) {
                    return true;
                }
                if (lines.get(i).startsWith(START_MARK)) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new LauncherException("Could not remove " + pidFile + ": " + e.getMessage(), e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted");
        }
    }
}
