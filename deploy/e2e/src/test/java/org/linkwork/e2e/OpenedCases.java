package org.linkwork.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.linkwork.local.GatewayClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits, as the coordinator sees the cases list, for referrals to have become cases. */
final class OpenedCases {

    private OpenedCases() {
    }

    /** @return the referrals still without a case when {@code within} ran out (none once all are cases) */
    static Set<String> awaitFor(GatewayClient gateway, Collection<String> referralIds, Duration within) {
        String coordinator = gateway.userToken("coord-sam");
        Instant deadline = Instant.now().plus(within);
        Set<String> missing = new HashSet<>(referralIds);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            for (JsonNode c : gateway.get("/cases", coordinator).expect(200, "GET /cases").json()) {
                missing.remove(c.path("referralId").asText());
            }
            if (!missing.isEmpty()) {
                Pause.of(Duration.ofMillis(500));
            }
        }
        return missing;
    }
}
