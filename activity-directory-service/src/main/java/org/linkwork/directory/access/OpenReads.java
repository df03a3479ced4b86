package org.linkwork.directory.access;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.platform.problem.Problem;

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
    /** Longest client key kept: an IPv6 address fits, a made-up forwarding header does not grow the table. */
    private static final int MAX_CLIENT_KEY = 64;

    private final boolean publicRead;
    private final Duration maxAge;
    private final int burst;
    private final Duration period;
    private final OpenReadRateLimit limit;

    public OpenReads(@ConfigProperty(name = "linkwork.directory.public-read", defaultValue = "true") boolean publicRead,
            @ConfigProperty(name = "linkwork.directory.open-read.max-age", defaultValue = "60s") Duration maxAge,
            @ConfigProperty(name = "linkwork.directory.open-read.rate-limit.burst", defaultValue = "120") int burst,
            @ConfigProperty(name = "linkwork.directory.open-read.rate-limit.period", defaultValue = "60s") Duration period) {
        this.publicRead = publicRead;
        this.maxAge = maxAge;
        this.burst = burst;
        this.period = period;
        this.limit = new OpenReadRateLimit(burst, period, System::nanoTime);
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
        if (withoutToken) {
            long wait = limit.take(client(context));
            if (wait > 0) {
                response.setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Retry-After", Long.toString(wait))
                        .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"More than "
                                + burst + " requests without a token from this client in " + period.toSeconds()
                                + " s; try again in " + wait + " s, or call with a bearer token\"}");
                return;
            }
        }
        context.next();
    }

    /**
     * The caller's address. Behind the gateway every request comes from the gateway, which appends
     * the address it saw as the last {@code X-Forwarded-For} entry; earlier entries are whatever the
     * caller wrote and are ignored. The service port itself is reachable only through the gateway.
     */
    static String client(RoutingContext context) {
        String forwarded = context.request().getHeader("X-Forwarded-For");
        String client = forwarded == null || forwarded.isBlank() ? context.request().remoteAddress().hostAddress()
                : forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return client.length() > MAX_CLIENT_KEY ? client.substring(0, MAX_CLIENT_KEY) : client;
    }
}
