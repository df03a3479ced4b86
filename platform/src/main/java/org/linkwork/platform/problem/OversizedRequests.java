package org.linkwork.platform.problem;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Answers a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem (an OperationOutcome on a FHIR route), before the body is read: Vert.x's own
 * refusal has no body at all.
 */
@ApplicationScoped
public class OversizedRequests {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        long limit = maxBodySize.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        Problem tooLarge = Problem.of(413, "Payload Too Large",
                "The request body is larger than the " + limit + " bytes this service accepts");
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit)) {
                context.response().putHeader("Connection", "close");
                RouteProblems.end(context, tooLarge);
                return;
            }
            context.next();
        });
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
