package org.linkwork.platform.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.KafkaBroker;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The broker really stopped under a running service, then started again. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class KafkaOutageHealthTest {

    private static final String KAFKA_CHECK = "Kafka connection health check";

    private final KafkaBroker kafka = RealInfrastructure.kafka();

    @AfterEach
    void brokerIsBack() {
        if (!kafka.isRunning()) {
            kafka.restart();
        }
    }

    @Test
    void withKafkaDownHealthAnswersPromptlyAndTheServiceStaysReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("UP")));

        kafka.stop();

        for (int i = 0; i < 3; i++) {
            given().get("/q/health").then().time(lessThan(2500L)).statusCode(503)
                    .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("DOWN"));
            given().get("/q/health/ready").then().time(lessThan(2500L)).statusCode(200)
                    .body("checks.name", hasItem("Database connections health check"));
            given().get("/q/health/live").then().time(lessThan(2500L)).statusCode(200);
        }

        kafka.restart();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("UP")));
    }
}
