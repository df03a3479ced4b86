package org.linkwork.referral.selfreferral;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.platform.http.ClientRateLimit;

import io.vertx.ext.web.Router;

/**
 * Self-referrals come without a token, so each client address may send only a few (429 with Retry-After), before
 * the body is read. Keyed by the address the gateway appends to X-Forwarded-For; a household or office behind one
 * address shares the allowance, so it allows more than one person would need.
 */
@ApplicationScoped
public class SelfReferralRateLimit {

    private final ClientRateLimit limit;

    SelfReferralRateLimit(@ConfigProperty(name = "linkwork.self-referral.rate-limit.burst", defaultValue = "10") int burst,
            @ConfigProperty(name = "linkwork.self-referral.rate-limit.period", defaultValue = "1h") Duration period) {
        this.limit = new ClientRateLimit(burst, period, System::nanoTime);
    }

    void install(@Observes Router router) {
        router.postWithRegex("/self-referrals/?").order(Integer.MIN_VALUE + 1).handler(context -> {
            if (limit.admit(context, "self-referrals", "")) {
                context.next();
            }
        });
    }
}
