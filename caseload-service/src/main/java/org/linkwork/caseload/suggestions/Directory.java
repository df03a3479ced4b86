package org.linkwork.caseload.suggestions;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * The directory search behind a fault-tolerance guard, so that a down or slow directory costs a
 * suggestions request at most about two timeouts, and nothing once the breaker has opened:
 * <ul>
 * <li>{@code @Timeout} 2 s per attempt;</li>
 * <li>{@code @Retry} once after 200 ms (plus up to 100 ms jitter), but never a 4xx refusal nor an open breaker;</li>
 * <li>{@code @CircuitBreaker} opens when half of the last 4 calls failed, stays open 30 s, then lets
 * trial calls through and closes after 2 successes. A 4xx refusal does not count as a failure.</li>
 * </ul>
 * Each value can be changed without a build, e.g.
 * {@code quarkus.fault-tolerance."org.linkwork.caseload.suggestions.Directory/search".timeout.value=2000}.
 */
@ApplicationScoped
public class Directory {

    /** Name of the breaker, for {@code CircuitBreakerMaintenance} and metrics. */
    public static final String BREAKER = "directory-search";

    private final DirectoryClient client;

    Directory(@RestClient DirectoryClient client) {
        this.client = client;
    }

    /** One search; {@code taxonomyTermId} null searches every kind of service. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { DirectoryException.Refused.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = DirectoryException.Refused.class)
    @CircuitBreakerName(BREAKER)
    public OrukPage search(String taxonomyTermId, String postcode, Integer proximityMetres, int age, int perPage) {
        return client.search(taxonomyTermId, postcode, proximityMetres, age, age, perPage);
    }
}
