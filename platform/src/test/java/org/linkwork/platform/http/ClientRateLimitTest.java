package org.linkwork.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aClientMayUseItsBurstAtOnceThenWaitsForTheNextRequestToRefill() {
        ClientRateLimit limit = new ClientRateLimit(3, Duration.ofSeconds(30), now::get);
        assertEquals(0, limit.take("a"));
        assertEquals(0, limit.take("a"));
        assertEquals(0, limit.take("a"));
        assertEquals(10, limit.take("a"), "one request comes back every 10 s");

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertEquals(6, limit.take("a"));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(0, limit.take("a"));
        assertEquals(10, limit.take("a"));
    }

    @Test
    void eachClientHasABucketOfItsOwn() {
        ClientRateLimit limit = new ClientRateLimit(1, Duration.ofSeconds(60), now::get);
        assertEquals(0, limit.take("203.0.113.1"));
        assertEquals(60, limit.take("203.0.113.1"));
        assertEquals(0, limit.take("203.0.113.2"));
    }

    @Test
    void aWaitUnderASecondIsAnnouncedAsOneSecond() {
        ClientRateLimit limit = new ClientRateLimit(100, Duration.ofSeconds(1), now::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limit.take("a"));
        }
        assertEquals(1, limit.take("a"));
    }

    @Test
    void quietClientsAreForgottenWhenTheTableIsFull() {
        ClientRateLimit limit = new ClientRateLimit(2, Duration.ofSeconds(1), now::get);
        for (int i = 0; i < ClientRateLimit.MAX_CLIENTS; i++) {
            limit.take("client-" + i);
        }
        limit.take("client-0");
        limit.take("client-0");
        now.addAndGet(Duration.ofMillis(600).toNanos());
        limit.take("newcomer");
        assertTrue(limit.clients() <= 2, "only the newcomer and the client still short of requests are kept");
        assertEquals(0, limit.take("client-0"), "client-0 got one request back in 0.6 s");
    }

    @Test
    void aLimitWithoutRequestsOrTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(0, Duration.ofSeconds(1), now::get));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(1, Duration.ZERO, now::get));
    }
}
