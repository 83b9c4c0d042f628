package com.streamflix.league.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * shared-api is what every service and any auditor can take without taking a framework (STYLE.md): messages as
 * records, pure rules, nothing of Spring or a database.
 */
class SharedApiArchitectureTest {
    static final JavaClasses SHARED_API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.streamflix.league.api", "com.streamflix.league.draw",
                    "com.streamflix.league.standings", "com.streamflix.league.knockout",
                    "com.streamflix.league.predictions");

    @Test
    void sharedApiHasNoSpringAndNoDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "jakarta.persistence..", "com.fasterxml.jackson.databind..")
                .check(SHARED_API);
    }

    @Test
    void commandsAndEventsAreRecords() {
        classes().that().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Event")
                .should().beRecords()
                .check(SHARED_API);
    }

    /** The draw engine, the standings comparator, the bracket and the payout arithmetic: plain Java an auditor can run, no messages. */
    @Test
    void thePureRulesKnowNoMessagesAndNoFramework() {
        noClasses().that().resideInAnyPackage("com.streamflix.league.draw..", "com.streamflix.league.standings..",
                        "com.streamflix.league.knockout..", "com.streamflix.league.predictions..")
                .should().dependOnClassesThat().resideInAnyPackage("com.streamflix.league.api..", "org.axonframework..")
                .check(SHARED_API);
    }
}
