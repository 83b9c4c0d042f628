package com.streamflix.league.standings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The ranking is one pure rule both sides take (RULES S2, STYLE.md): nothing but the JDK, so no framework or
 * database can sneak into what decides the table.
 */
class StandingsArchitectureTest {

    @Test
    void theLeagueTableDependsOnTheJdkOnly_S2() {
        classes().that().resideInAPackage("com.streamflix.league.standings..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.streamflix.league.standings..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.streamflix.league.standings"));
    }
}
