package io.careledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md: the write model decides in plain Java; frameworks and storage stay at its edges. */
class CommandSideArchitectureTest {

    private static final JavaClasses COMMAND_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.careledger.command");

    @Test
    void onlyTheConfigurationKnowsSpring() {
        noClasses().that().resideOutsideOfPackage("io.careledger.command.config..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(COMMAND_SIDE);
    }

    @Test
    void aggregatesAndPoliciesKnowNoStorage() {
        noClasses().that().resideInAnyPackage("io.careledger.command.customer", "io.careledger.command.complaint..",
                        "io.careledger.command.common..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..",
                        "co.elastic..", "org.elasticsearch..", "org.axonframework.eventsourcing.eventstore..")
                .check(COMMAND_SIDE);
    }

    @Test
    void theWriteModelNeverReadsTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.careledger.query..").check(COMMAND_SIDE);
    }
}
