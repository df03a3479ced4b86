package org.linkwork.referral;

/** The house style (CONTRIBUTING.md) holds for referral-service's main classes. */
class HouseStyleTest extends org.linkwork.testkit.HouseStyleTest {

    @Override
    protected String rootPackage() {
        return "org.linkwork.referral";
    }
}
