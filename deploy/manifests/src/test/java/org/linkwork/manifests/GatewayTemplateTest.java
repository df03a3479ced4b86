package org.linkwork.manifests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One gateway template for the launcher, compose and Kubernetes. */
class GatewayTemplateTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    /** The environment variables the template expands (httpd's own ${VAR}). */
    static Set<String> templateVariables() {
        Set<String> vars = new TreeSet<>();
        for (String line : Repo.read(Repo.GATEWAY_TEMPLATE).split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = VARIABLE.matcher(line);
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }

    @Test
    void kubernetesCopyIsByteForByteTheLauncherTemplate() throws Exception {
        assertTrue(Files.isRegularFile(Repo.GATEWAY_TEMPLATE), "deploy/gateway/linkwork-gateway.conf is missing");
        assertArrayEquals(Files.readAllBytes(Repo.GATEWAY_TEMPLATE), Files.readAllBytes(Repo.GATEWAY_COPY),
                "deploy/k8s/base/gateway/linkwork-gateway.conf differs from deploy/gateway/linkwork-gateway.conf: "
                        + "cp deploy/gateway/linkwork-gateway.conf deploy/k8s/base/gateway/");
    }

    @Test
    void templateUsesTheVariablesTheManifestsProvide() {
        Set<String> vars = templateVariables();
        for (String v : Set.of("LINKWORK_GATEWAY_PORT", "LINKWORK_JWKS_URI", "LINKWORK_ISSUER", "LINKWORK_REFERRAL_URL",
                "LINKWORK_DIRECTORY_URL", "LINKWORK_CASELOAD_URL", "LINKWORK_OUTCOMES_URL", "LINKWORK_DASHBOARD_URL",
                "LINKWORK_GATEWAY_LOG_DIR",
                "LINKWORK_GATEWAY_RUN_DIR")) {
            assertTrue(vars.contains(v), "the template no longer uses " + v + ": " + vars);
        }
    }
}
