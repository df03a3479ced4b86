package org.linkwork.directory.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client for reads without a token: each client may make {@code burst} requests
 * at once, and gets them back at {@code burst} per {@code period}. Buckets of clients that have been
 * quiet long enough to be full again carry no information and are dropped when the table grows, so
 * a flood of made-up client addresses cannot fill the memory.
 */
public final class OpenReadRateLimit {

    static final int MAX_CLIENTS = 50_000;

    private final int burst;
    private final double nanosPerRequest;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public OpenReadRateLimit(int burst, Duration period, LongSupplier nanoTime) {
        if (burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("the open read rate limit needs a burst of 1 or more and a positive period");
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
