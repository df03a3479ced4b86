package org.linkwork.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DemoDataTest.DemoDataOn.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform_demo"))
class DemoDataTest {

    public static class DemoDataOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.demo-data.enabled", "true");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    DemoData demoData;

    @Test
    void switchedOnItLoadsAtStartAndLoadingAgainAddsNothing() throws SQLException {
        assertEquals(1, demoRows());
        demoData.load();
        assertEquals(1, demoRows());
    }

    private int demoRows() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM test_effect WHERE event_id = 'demo-row'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
