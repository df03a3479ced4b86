package org.linkwork.directory;

/** The house style's layout rules (testkit), on this service's main classes. */
class HouseStyleTest extends org.linkwork.testkit.HouseStyleTest {

    @Override
    protected String rootPackage() {
        return "org.linkwork.directory";
    }
}
