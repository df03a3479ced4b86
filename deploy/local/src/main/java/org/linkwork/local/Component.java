package org.linkwork.local;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One part of the local suite: which ports it takes, how to tell it is ready, and how to start it.
 * The start is worked out only when it is about to happen, so {@code status} and {@code down}
 * neither need a built distribution nor create files.
 */
record Component(String name, List<Integer> ports, Readiness readiness, Supplier<Launch> launch) {

    /** The process to start: command, environment on top of the launcher's, working directory. */
    record Launch(List<String> command, Map<String, String> environment, Path workingDirectory) {
    }

    /** Whether the component answers as ready; never throws. */
    interface Readiness {
        boolean ready(HttpClient http);

        String describe();

        static Readiness http(String url) {
            return new Readiness() {
                @Override
                public boolean ready(HttpClient http) {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
                        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (java.io.IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }

                @Override
                public String describe() {
                    return url;
                }
            };
        }

        /**
         * For a process that announces readiness itself: it printed {@code line} in its log since its latest start
         * (the launcher marks each start there), and its ports accept connections. A listening port alone is
         * too early for a server that still has work to do after it binds (Kafka creating its topics and ACLs,
         * PostgreSQL its databases).
         */
        static Readiness announced(Path log, String line, List<Integer> ports) {
            return new Readiness() {
                @Override
                public boolean ready(HttpClient http) {
                    return ports.stream().allMatch(Component::inUse) && ManagedProcess.printedSinceStart(log, line);
                }

                @Override
                public String describe() {
                    return "ports " + ports + " and " + line + " in " + log;
                }
            };
        }
    }

    /** Something accepts connections on the loopback port. */
    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
