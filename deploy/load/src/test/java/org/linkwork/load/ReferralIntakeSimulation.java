package org.linkwork.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * GP referral intake through the gateway: unique referrals, each with its own Idempotency-Key, as the
 * realm's gp-system client. JSON API or FHIR facade ({@code -Dload.format=fhir}); a closed model of
 * {@code load.clients} clients sending back to back (throughput), or an open model of {@code load.rate}
 * arrivals per second ({@code -Dload.model=rate}, latency at a given rate). With the database's ceiling given
 * ({@code -Dload.ceiling.tps}, pgbench at the same number of clients), the targets are the run's
 * assertions: at least half the ceiling with clients, p99 under 50 ms at a rate; no request may fail.
 */
public class ReferralIntakeSimulation extends Simulation {

    private final Supplier<String> gpSystem = new Realm().client("gp-system");
    private final boolean fhir = "fhir".equals(System.getProperty("load.format", "json"));
    private final boolean openModel = "rate".equals(System.getProperty("load.model", "clients"));

    {
        ScenarioBuilder intake = scenario("referral intake").exec(submit());
        List<Assertion> targets = new ArrayList<>(List.of(global().failedRequests().count().is(0L)));
        if (openModel) {
            targets.add(global().responseTime().percentile(99.0).lt(50));
        } else if (LoadSettings.CEILING_TPS > 0) {
            targets.add(global().requestsPerSec().gte(LoadSettings.CEILING_TPS / 2));
        }
        setUp(openModel ? intake.injectOpen(constantUsersPerSec(LoadSettings.RATE).during(LoadSettings.DURATION))
                : intake.injectClosed(constantConcurrentUsers(LoadSettings.CLIENTS).during(LoadSettings.DURATION)))
                .protocols(http.baseUrl(LoadSettings.GATEWAY).shareConnections())
                .assertions(targets);
    }

    private ChainBuilder submit() {
        HttpRequestActionBuilder request = fhir
                ? http("POST /fhir/ServiceRequest").post("/fhir/ServiceRequest")
                        .header("Content-Type", "application/fhir+json").body(StringBody(session -> Referrals.fhir()))
                : http("POST /referrals").post("/referrals")
                        .header("Content-Type", "application/json").body(StringBody(session -> Referrals.json()));
        return exec(request.header("Authorization", session -> "Bearer " + gpSystem.get())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .check(status().is(201)));
    }
}
