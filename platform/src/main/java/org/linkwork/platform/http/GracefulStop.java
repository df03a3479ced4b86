package org.linkwork.platform.http;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.RouteProblems;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

/**
 * How a replica stops serving HTTP when it is told to stop (SIGTERM: a rolling update, a scale-down, docker stop).
 * Quarkus lets the requests under way finish ({@code quarkus.shutdown.timeout}) before the database closes, but
 * keeps answering new ones meanwhile, so under steady traffic its wait lasted until the timeout and then cut requests
 * off (the gateway answered 502). Here a request that arrives once the stop has begun is answered at once with 503
 * problem+json (an OperationOutcome on a FHIR route), {@code Retry-After: 1} and {@code Connection: close}: the
 * caller tries again, through the gateway to another replica, and the wait ends with the requests that were under
 * way. Where the orchestrator routes by readiness (Kubernetes), {@code quarkus.shutdown.delay} first keeps the
 * replica serving, with readiness DOWN, until the routing has moved away.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);
    private static final Problem STOPPING = Problem.of(503, "Service Unavailable", "This instance is stopping; try again");

    private final Duration serveOnFor;
    private volatile boolean stopping;

    GracefulStop(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> serveOnFor) {
        this.serveOnFor = serveOnFor.orElse(Duration.ZERO);
    }

    /** A JVM shutdown hook runs beside Quarkus's own at SIGTERM, before Quarkus waits for the requests under way. */
    void watch(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAfterDelay, "linkwork-graceful-stop"));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (!stopping) {
                context.next();
                return;
            }
            context.response().putHeader("Retry-After", "1").putHeader("Connection", "close");
            RouteProblems.end(context, STOPPING);
        });
    }

    private void stopAfterDelay() {
        try {
            Thread.sleep(serveOnFor.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    /** From now on new requests are turned away; the ones under way go on. */
    void stop() {
        stopping = true;
        LOG.info("Stopping: new HTTP requests are answered 503 while the ones under way finish");
    }

    /** Serving again (tests only: a real stop is not undone). */
    void resume() {
        stopping = false;
    }
}
