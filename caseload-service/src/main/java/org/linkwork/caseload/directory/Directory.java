package org.linkwork.caseload.directory;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * The directory's search and service reads behind a fault-tolerance guard, so that a down or slow directory
 * costs a request at most about two timeouts, and nothing once the breaker has opened:
 * <ul>
 * <li>{@code @Timeout} 2 s per attempt;</li>
 * <li>{@code @Retry} once after 200 ms (plus up to 100 ms jitter), but never a 4xx refusal nor an open breaker;</li>
 * <li>{@code @CircuitBreaker} opens when half of the last 4 calls failed, stays open 30 s, then lets
 * trial calls through and closes after 2 successes. A 4xx refusal does not count as a failure.</li>
 * </ul>
 * Searches and service reads have a breaker each, so that one failing does not stop the other.
 * Each value can be changed without a build, e.g.
 * {@code quarkus.fault-tolerance."org.linkwork.caseload.directory.Directory/search".timeout.value=2000}
 * (or {@code .../taxonomyTermCodes}).
 */
@ApplicationScoped
public class Directory {

    /** Name of the search's breaker, for {@code CircuitBreakerMaintenance} and metrics. */
    public static final String BREAKER = "directory-search";
    /** Name of the service read's breaker. */
    public static final String READ_BREAKER = "directory-service-read";

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

    /**
     * The codes of the service's terms in the directory's social prescribing taxonomy ({@link DirectoryTerm#TAXONOMY}),
     * distinct, in the directory's order. Terms of other taxonomies (the directory imports them with services from
     * other directories) are left out: they are not the kinds of activity caseload publishes, and their codes are free.
     *
     * @throws DirectoryException.Refused with 404 when the directory does not know the service
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { DirectoryException.Refused.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = DirectoryException.Refused.class)
    @CircuitBreakerName(READ_BREAKER)
    public List<String> taxonomyTermCodes(String serviceId) {
        List<OrukPage.Attribute> attributes = client.service(serviceId).attributes();
        if (attributes == null) {
            return List.of();
        }
        String taxonomy = DirectoryTerm.TAXONOMY.toString();
        return attributes.stream().map(OrukPage.Attribute::taxonomyTerm)
                .filter(term -> term != null && term.code() != null && taxonomy.equals(term.taxonomyId()))
                .map(OrukPage.TaxonomyTerm::code).distinct().toList();
    }
}
