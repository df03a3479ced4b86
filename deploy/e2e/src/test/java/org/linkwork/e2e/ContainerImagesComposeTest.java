package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The images prepare.sh built for the compose suite, checked one by one with deploy/containers/check-images.sh:
 * non-root users, JVM options after the image's own, a class-data archive valid in the image's JVM, health checks,
 * version labels, the shared apt layer, and each drop-in starting on its own. Every check's line is printed; any
 * failed check fails the test.
 */
class ContainerImagesComposeTest {

    @Test
    void everyImageRunsNonRootWithItsHealthCheckVersionLabelAndJvmOptions() throws IOException, InterruptedException {
        RunningSuite.get();
        Process checks = new ProcessBuilder("deploy/containers/check-images.sh").directory(RunningSuite.repository().toFile())
                .redirectErrorStream(true).start();
        String output = new String(checks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        assertEquals(0, checks.waitFor(), "check-images.sh:\n" + output);
    }
}
