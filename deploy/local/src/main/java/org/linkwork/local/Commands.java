package org.linkwork.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Short-lived helper commands (keytool, apt-get, update-ca-certificates) whose failure stops the launcher. */
final class Commands {

    private Commands() {
    }

    static String run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new LauncherException(what + " failed (exit " + exit + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new LauncherException(what + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException(what + " interrupted", e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
