package org.linkwork.dashboard;

/** The project's layout rules (CONTRIBUTING.md) on the dashboard's main classes. */
class HouseStyleTest extends org.linkwork.testkit.HouseStyleTest {

    @Override
    protected String rootPackage() {
        return "org.linkwork.dashboard";
    }
}
