package org.linkwork.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.outbox.Outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The layout every service follows (CONTRIBUTING.md), checked on its compiled main classes. A service's test
 * extends this and names its root package; each rule says why it exists in its failure message.
 */
public abstract class HouseStyleTest {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** e.g. {@code org.linkwork.caseload} */
    protected abstract String rootPackage();

    /** The classes the rules apply to: the service's main classes. */
    protected JavaClasses importClasses(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
    }

    private JavaClasses main() {
        return IMPORTED.computeIfAbsent(rootPackage(), this::importClasses);
    }

    private String events() {
        return rootPackage() + ".events..";
    }

    @Test
    public void featurePackagesDependOnEachOtherOneWayOnly() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().check(main());
    }

    @Test
    public void featuresKnowNothingOfTheEventsPackage() {
        noClasses().that().resideOutsideOfPackage(events()).should().dependOnClassesThat().resideInAPackage(events())
                .because("services fire domain events that the events package observes, so that it alone knows topics and schemas")
                .check(main());
    }

    @Test
    public void onlyTheEventsPackageWritesTheOutbox() {
        noClasses().that().resideOutsideOfPackage(events()).should().dependOnClassesThat().areAssignableTo(Outbox.class)
                .check(main());
    }

    @Test
    public void consumersLiveInTheEventsPackageNamedForTheirTopic() {
        methods().that().areAnnotatedWith(Incoming.class).should().beDeclaredInClassesThat().resideInAPackage(events())
                .andShould().beDeclaredInClassesThat().haveSimpleNameEndingWith("Consumer")
                .allowEmptyShould(true).check(main());
    }

    @Test
    public void eventDataIsReadIntoRecordsNotJsonTrees() {
        noClasses().that().resideOutsideOfPackage(events()).should().dependOnClassesThat().areAssignableTo(JsonNode.class)
                .check(main());
    }

    @Test
    public void onlyRepositoriesTouchTheEntityManager() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").should().dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .because("entity access goes through Panache repositories; native SQL lives there with its reason")
                .check(main());
    }

    @Test
    public void resourcesReachTheDatabaseOnlyThroughAService() {
        classes().that().areAnnotatedWith(Path.class).and().areNotInterfaces().should().haveSimpleNameEndingWith("Resource")
                .because("an interface with @Path is a REST client, not a resource").check(main());
        noClasses().that().areAnnotatedWith(Path.class).should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .because("a resource speaks HTTP; its feature's service owns transactions and rules")
                .check(main());
    }

    @Test
    public void dependenciesComeThroughConstructors() {
        noFields().should().beAnnotatedWith(Inject.class).check(main());
        noFields().should().beAnnotatedWith(ConfigProperty.class).check(main());
    }

    @Test
    public void pathIdsAreUuids() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).should(new ArchCondition<>(
                "take ids in the path as UUID") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(PathParam.class)) {
                        String name = parameter.getAnnotationOfType(PathParam.class).value();
                        boolean id = name.equals("id") || name.endsWith("Id");
                        if (id && !parameter.getRawType().isEquivalentTo(UUID.class)) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " takes path id " + name + " as " + parameter.getRawType().getName()));
                        }
                    }
                }
            }
        }).allowEmptyShould(true).check(main());
    }
}
