package org.linkwork.outcomes;

/** The project's layout rules (CONTRIBUTING.md) on this service's main classes. */
class HouseStyleTest extends org.linkwork.testkit.HouseStyleTest {

    @Override
    protected String rootPackage() {
        return "org.linkwork.outcomes";
    }
}
