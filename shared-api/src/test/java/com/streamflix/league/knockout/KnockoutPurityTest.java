package com.streamflix.league.knockout;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The bracket is shared by both sides and by auditors (STYLE.md): plain Java, no messages, framework or storage. */
class KnockoutPurityTest {

    @Test
    void theBracketIsPureAndKnowsNoMessages() {
        JavaClasses knockout = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.streamflix.league.knockout");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.streamflix.league.api..",
                        "org.axonframework..", "org.springframework..", "com.fasterxml.jackson..", "java.sql..",
                        "javax.sql..", "jakarta.persistence..")
                .check(knockout);
    }
}
