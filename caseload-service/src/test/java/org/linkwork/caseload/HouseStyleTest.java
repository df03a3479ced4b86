package org.linkwork.caseload;

/** caseload-service follows the house style (CONTRIBUTING.md). */
class HouseStyleTest extends org.linkwork.testkit.HouseStyleTest {

    @Override
    protected String rootPackage() {
        return "org.linkwork.caseload";
    }
}
