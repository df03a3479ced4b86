package org.linkwork.directory.access;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.platform.http.ClientRateLimit;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Open Referral UK read endpoints as an open feed: CORS for any origin (ORUK consumers are web
 * pages on other sites; no cookie is ever read, so {@code *} exposes nothing), preflight {@code OPTIONS}
 * answered here before any token is asked for, a per-client rate limit on reads without a token (429
 * problem with {@code Retry-After}), and a short public cache lifetime for those reads when the
 * directory is open. Reads with a token are not limited here: they are NHS systems and people the
 * realm knows. Curation ({@code /directory/curation/**}) is none of this.
 */
@ApplicationScoped
public class OpenReads {

    static final Pattern READ_PATHS = Pattern
            .compile("/directory/?|/directory/(services|taxonomies|taxonomy_terms|organizations|service_at_locations)(/[^/]+)?/?");
    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";

    private final boolean publicRead;
    private final Duration maxAge;
    private final ClientRateLimit limit;

    public OpenReads(@ConfigProperty(name = "linkwork.directory.public-read", defaultValue = "true") boolean publicRead,
            @ConfigProperty(name = "linkwork.directory.open-read.max-age", defaultValue = "60s") Duration maxAge,
            @ConfigProperty(name = "linkwork.directory.open-read.rate-limit.burst", defaultValue = "120") int burst,
            @ConfigProperty(name = "linkwork.directory.open-read.rate-limit.period", defaultValue = "60s") Duration period) {
        this.publicRead = publicRead;
        this.maxAge = maxAge;
        this.limit = new ClientRateLimit(burst, period, System::nanoTime);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!READ_PATHS.matcher(context.normalizedPath()).matches()) {
            context.next();
            return;
        }
        HttpMethod method = context.request().method();
        HttpServerResponse response = context.response();
        if (HttpMethod.OPTIONS.equals(method)) {
            response.setStatusCode(204).putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .putHeader("Access-Control-Allow-Headers", "Authorization, Accept, Accept-Language, X-Request-Id")
                    .putHeader("Access-Control-Max-Age", "86400").putHeader("Allow", ALLOWED_METHODS).end();
            return;
        }
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            context.next();
            return;
        }
        boolean withoutToken = context.request().getHeader("Authorization") == null;
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = response.headers();
            headers.set("Access-Control-Allow-Origin", "*");
            headers.set("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
            if (withoutToken && publicRead && response.getStatusCode() == 200) {
                headers.set("Cache-Control", "public, max-age=" + maxAge.toSeconds());
            }
        });
        if (withoutToken && !limit.admit(context, "requests without a token", ", or call with a bearer token")) {
            return;
        }
        context.next();
    }
}
