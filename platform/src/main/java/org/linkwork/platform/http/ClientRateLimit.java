package org.linkwork.platform.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.RouteProblems;

import io.vertx.ext.web.RoutingContext;

/**
 * A token bucket per client for requests without a token (the directory's open reads, self-referrals):
 * each client may make {@code burst} requests at once, and gets them back at {@code burst} per
 * {@code period}. Each replica keeps its own buckets, so N replicas allow N x burst. Buckets of clients that have been
 * quiet long enough to be full again carry no information and are dropped when the table grows, so
 * a flood of made-up client addresses cannot fill the memory.
 */
public final class ClientRateLimit {

    static final int MAX_CLIENTS = 50_000;
    /** Longest client key kept: an IPv6 address fits, a made-up forwarding header does not grow the table. */
    private static final int MAX_CLIENT_KEY = 64;

    private final int burst;
    private final double nanosPerRequest;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimit(int burst, Duration period, LongSupplier nanoTime) {
        if (burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a burst of 1 or more and a positive period");
        }
        this.burst = burst;
        this.nanosPerRequest = (double) period.toNanos() / burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the whole seconds to wait (at least 1). */
    public long take(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(client, ignored -> new Bucket(now)).take(now);
    }

    /**
     * Takes one request of the calling client; when its bucket is empty, answers 429 with {@code Retry-After}
     * and returns false (the request must go no further).
     *
     * @param what   the requests limited, as the problem's detail names them
     * @param advice what else the client may do, appended to the detail ("" for nothing)
     */
    public boolean admit(RoutingContext context, String what, String advice) {
        long wait = take(client(context));
        if (wait == 0) {
            return true;
        }
        context.response().putHeader("Retry-After", Long.toString(wait));
        RouteProblems.end(context, Problem.of(429, "Too Many Requests", "More than " + burst + " " + what
                + " from this client in " + Math.round(nanosPerRequest * burst / 1e9) + " s; try again in " + wait
                + " s" + advice));
        return false;
    }

    /**
     * The caller's address. Behind the gateway every request comes from the gateway, which appends
     * the address it saw as the last {@code X-Forwarded-For} entry; earlier entries are whatever the
     * caller wrote and are ignored. The service port itself is reachable only through the gateway.
     */
    public static String client(RoutingContext context) {
        String forwarded = context.request().getHeader("X-Forwarded-For");
        String client = forwarded == null || forwarded.isBlank() ? context.request().remoteAddress().hostAddress()
                : forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return client.length() > MAX_CLIENT_KEY ? client.substring(0, MAX_CLIENT_KEY) : client;
    }

    int clients() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt;

        Bucket(long now) {
            refilledAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanos = (1 - tokens) * nanosPerRequest;
            return Math.max(1, (long) Math.ceil(nanos / 1e9));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / nanosPerRequest);
            refilledAt = now;
        }
    }
}
