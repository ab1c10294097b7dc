package io.careledger.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled production classes of every module. Every rule
 * refuses to pass when its subject matches no class, so a renamed package cannot turn a rule into a no-op.
 */
@AnalyzeClasses(packages = "io.careledger",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    private static final String[] SPRING = {"org.springframework.."};
    private static final String[] STORAGE_AND_SEARCH = {"java.sql..", "javax.sql..", "co.elastic..",
            "jakarta.persistence..", "org.elasticsearch..", "org.axonframework.eventsourcing.eventstore..",
            "org.axonframework.common.jdbc..", "com.github.kagkarlsson.."};

    @ArchTest
    static final ArchRule commandSideNeverSeesTheQuerySide = noClasses()
            .that().resideInAPackage("io.careledger.command..")
            .should().dependOnClassesThat().resideInAPackage("io.careledger.query..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule querySideNeverSeesTheCommandSide = noClasses()
            .that().resideInAPackage("io.careledger.query..")
            .should().dependOnClassesThat().resideInAPackage("io.careledger.command..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule apiDependsOnNoSide = noClasses()
            .that().resideInAPackage("io.careledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.careledger.command..", "io.careledger.query..",
                    "io.careledger.service..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule apiHasNoSpringStorageOrSearch = noClasses()
            .that().resideInAPackage("io.careledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(SPRING, STORAGE_AND_SEARCH))
            .allowEmptyShould(false);

    /** Aggregates, policies and their helpers decide; only the wiring ({@code config}) and adapters ({@code infra}) may know Spring or storage. */
    @ArchTest
    static final ArchRule theWriteModelHasNoSpringOrStorage = noClasses()
            .that().resideInAPackage("io.careledger.command..")
            .and().resideOutsideOfPackages("io.careledger.command.config..", "io.careledger.command..infra..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(SPRING, STORAGE_AND_SEARCH))
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule aggregatesAndPoliciesLiveInTheWriteModel = classes()
            .that().haveSimpleNameEndingWith("Aggregate").or().haveSimpleNameEndingWith("Policy")
            .should().resideInAPackage("io.careledger.command..")
            .andShould().resideOutsideOfPackages("io.careledger.command.config..", "io.careledger.command..infra..")
            .allowEmptyShould(false);

    /** Test classes shared as a test-jar (the KurrentDB test server) are tests too, wherever the build puts them. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
