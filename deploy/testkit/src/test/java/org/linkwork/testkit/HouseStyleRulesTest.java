package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The rules against two small layouts in src/test: one that follows the house style, one that breaks each rule. */
class HouseStyleRulesTest {

    static class Fixture extends HouseStyleTest {

        private final String root;

        Fixture(String root) {
            this.root = root;
        }

        @Override
        protected String rootPackage() {
            return root;
        }

        @Override
        protected JavaClasses importClasses(String root) {
            return new ClassFileImporter().importPackages(root);
        }
    }

    @Nested
    class ALayoutInTheHouseStyle extends HouseStyleTest {

        @Override
        protected String rootPackage() {
            return "org.linkwork.testkit.fixture.good";
        }

        @Override
        protected JavaClasses importClasses(String root) {
            return new ClassFileImporter().importPackages(root);
        }
    }

    @Test
    void aLayoutBreakingEachRuleFailsEachRule() {
        Fixture bad = new Fixture("org.linkwork.testkit.fixture.bad");
        List<Executable> rules = List.of(bad::featurePackagesDependOnEachOtherOneWayOnly,
                bad::featuresKnowNothingOfTheEventsPackage, bad::onlyTheEventsPackageWritesTheOutbox,
                bad::consumersLiveInTheEventsPackageNamedForTheirTopic, bad::eventDataIsReadIntoRecordsNotJsonTrees,
                bad::onlyRepositoriesTouchTheEntityManager, bad::resourcesReachTheDatabaseOnlyThroughAService,
                bad::dependenciesComeThroughConstructors, bad::pathIdsAreUuids);
        for (Executable rule : rules) {
            assertThrows(AssertionError.class, rule);
        }
    }
}
