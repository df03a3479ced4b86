package org.linkwork.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code linkwork} realm of the suite's Keycloak, kept as {@code deploy/keycloak/linkwork-realm.json} says.
 * Keycloak's {@code --import-realm} imports the file only into a database without that realm, so a home whose
 * Keycloak imported an older file would keep the old realm (without the {@code ics-dashboard} client and the
 * {@code kafka} audience, say) for ever. The launcher therefore records the SHA-256 of the file each home's
 * Keycloak imported ({@code data/keycloak-realm.sha256}) and, when the file differs, imports it again with
 * {@code kc.sh import --override true} before Keycloak starts.
 */
final class KeycloakRealm {

    private final SuiteSettings settings;
    private final PrintStream out;
    private final Duration timeout;

    KeycloakRealm(SuiteSettings settings, PrintStream out, Duration timeout) {
        this.settings = settings;
        this.out = out;
        this.timeout = timeout;
    }

    /** The Keycloak database in the suite's PostgreSQL, for {@code kc.sh start} and {@code kc.sh import} alike. */
    List<String> databaseOptions() {
        return List.of("--db=postgres", "--db-url=jdbc:postgresql://localhost:" + settings.ports().postgres() + "/keycloak",
                "--db-username=postgres", "--db-password=postgres");
    }

    /**
     * Stages the realm file where {@code --import-realm} reads it and, unless the database is new (then the
     * start imports it), re-imports it when it changed since this home last imported it. Keycloak must not be
     * running.
     */
    void bringUpToDate(Path distribution, boolean databaseIsNew) {
        Path staged = stage(distribution);
        String current = sha256(staged);
        if (!databaseIsNew && !current.equals(imported())) {
            out.printf("%-28s the realm file differs from the one this home imported: importing it again, replacing the "
                    + "realm (changes made in the admin console are lost)%n", "keycloak");
            override(distribution, staged);
        }
        record(current);
    }

    /** Where the hash of the imported realm file is kept, beside the data of the Keycloak database it describes. */
    Path marker() {
        return settings.home().resolve("data/keycloak-realm.sha256");
    }

    private Path stage(Path distribution) {
        try {
            Path imports = distribution.resolve("data/import");
            Files.createDirectories(imports);
            return Files.copy(settings.repository().resolve("deploy/keycloak/linkwork-realm.json"),
                    imports.resolve("linkwork-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LauncherException("Cannot stage the realm for import: " + e.getMessage(), e);
        }
    }

    private void override(Path distribution, Path realm) {
        Path log = new ManagedProcess("keycloak", settings).logFile();
        List<String> command = new ArrayList<>(List.of("bash", distribution.resolve("bin/kc.sh").toString(), "import",
                "--file=" + realm, "--override=true"));
        command.addAll(databaseOptions());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- " + Instant.now() + " importing the realm: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(distribution.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(Suite.keycloakEnvironment());
            // The import opens Keycloak's management interface too: on this suite's port, not another suite's 9000.
            builder.environment().put("KC_HTTP_MANAGEMENT_PORT", Integer.toString(settings.ports().keycloakManagement()));
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LauncherException("Keycloak's realm import did not finish within " + timeout.toSeconds()
                        + " s. Its log: " + log);
            }
            if (process.exitValue() != 0) {
                throw new LauncherException("Keycloak's realm import failed (exit " + process.exitValue() + "). Last lines of "
                        + log + ":\n" + new ManagedProcess("keycloak", settings).tail(30));
            }
        } catch (IOException e) {
            throw new LauncherException("Could not run Keycloak's realm import: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted while Keycloak imported the realm", e);
        }
    }

    private String imported() {
        try {
            return Files.exists(marker()) ? Files.readString(marker()).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void record(String hash) {
        try {
            Files.createDirectories(marker().getParent());
            Files.writeString(marker(), hash + "\n");
        } catch (IOException e) {
            throw new LauncherException("Cannot write " + marker() + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LauncherException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
