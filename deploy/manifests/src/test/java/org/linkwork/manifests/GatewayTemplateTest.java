package org.linkwork.manifests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void dashboardIsRoutedWithoutATokenAndWithThePagePolicyInsteadOfTheApiOne() {
        String conf = Repo.read(Repo.GATEWAY_TEMPLATE);
        assertTrue(conf.contains("<Proxy \"${LINKWORK_DASHBOARD_URL}\">\n    ProxySet disablereuse=On\n</Proxy>\n"),
                "a worker of its own for the dashboard, a new connection (and DNS lookup) per request");
        assertTrue(conf.contains("\nProxyPass        /dashboard ${LINKWORK_DASHBOARD_URL}/dashboard\n"
                + "ProxyPassReverse /dashboard ${LINKWORK_DASHBOARD_URL}/dashboard\n"));
        int start = conf.indexOf("\n<Location /dashboard>\n");
        assertTrue(start >= 0, "no <Location /dashboard>");
        String location = conf.substring(start, conf.indexOf("</Location>", start));
        // The dashboard logs its analysts in itself (code flow) and admits only ics-analyst.
        assertTrue(location.contains("\n    Require all granted\n"), location);
        assertTrue(location.contains("\n    Header unset Content-Security-Policy\n"), "the backend's own policy is dropped");
        assertTrue(location.contains("\n    Header always set Content-Security-Policy \"default-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self'\"\n"), location);
        assertTrue(location.contains("\n    RequestHeader unset X-Forwarded-Host\n"), "only the gateway's own X-Forwarded-Host");
        // Everywhere else an API answer allows nothing.
        assertTrue(conf.contains("\nHeader always set Content-Security-Policy \"default-src 'none'; frame-ancestors 'none'\"\n"));
    }

    @Test
    void everyErrorTheGatewayMakesIsAProblemDocumentOfItsStatus() throws Exception {
        Matcher m = Pattern.compile("(?m)^ErrorDocument (\\d{3}) /gateway/problems/(\\S+)$").matcher(Repo.read(Repo.GATEWAY_TEMPLATE));
        Set<Integer> statuses = new TreeSet<>();
        while (m.find()) {
            int status = Integer.parseInt(m.group(1));
            statuses.add(status);
            Path file = Repo.GATEWAY_TEMPLATE.resolveSibling("problems").resolve(m.group(2));
            assertTrue(Files.isRegularFile(file), file.toString());
            assertEquals(status, Yaml.JSON.readTree(file.toFile()).path("status").asInt(), file.toString());
        }
        // 500: what httpd answers itself, e.g. when a backend's name does not resolve (a Service not created yet).
        assertTrue(statuses.containsAll(Set.of(401, 403, 404, 413, 500, 502, 503)), statuses.toString());
    }
}
