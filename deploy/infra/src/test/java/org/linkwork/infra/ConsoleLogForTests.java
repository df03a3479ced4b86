package org.linkwork.infra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Shows the servers' start-time lines in the build output (registered in META-INF/services). */
public class ConsoleLogForTests implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ConsoleLog.install();
    }
}
