package org.linkwork.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.YearMonth;
import java.util.function.Supplier;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** An ICS analyst's report queries: the last twelve months by PCN and by practice, JSON and CSV. */
public class IcsReportsSimulation extends Simulation {


    private final Supplier<String> analyst = new Realm().user("analyst-ria");
    private final String months = "from=" + YearMonth.now().minusMonths(11) + "&to=" + YearMonth.now();

    {
        ScenarioBuilder measured = scenario("ics reports").exec(reports());
        setUp(measured.injectClosed(constantConcurrentUsers(LoadSettings.CLIENTS).during(LoadSettings.DURATION)))
                .protocols(http.baseUrl(LoadSettings.GATEWAY).shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    private ChainBuilder reports() {
        return exec(http("GET /reports/monthly?by=PCN").get("/reports/monthly?by=PCN&" + months)
                .header("Authorization", session -> "Bearer " + analyst.get()).check(status().is(200)))
                .exec(http("GET /reports/monthly?by=PRACTICE (CSV)").get("/reports/monthly?by=PRACTICE&" + months)
                        .header("Authorization", session -> "Bearer " + analyst.get()).header("Accept", "text/csv")
                        .check(status().is(200)));
    }
}
