package com.perprisk;

import com.perprisk.engine.archfixture.EngineReadingAFile;
import com.perprisk.io.archfixture.IoShowingADialog;
import com.perprisk.ui.archfixture.PricesCsv;
import com.perprisk.ui.archfixture.UiParsingJson;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The architecture rules can fail: each is checked against a test class that breaks it on purpose. */
class ArchitectureRulesFailTest {
    private static final JavaClasses BROKEN = new ClassFileImporter().importClasses(EngineReadingAFile.class,
            IoShowingADialog.class, UiParsingJson.class, PricesCsv.class);

    @Test
    void eachRuleReportsItsViolation() {
        fails(ArchitectureTest.engineIsPureJava, "EngineReadingAFile");
        fails(ArchitectureTest.ioIsBelowUiAndCli, "IoShowingADialog");
        fails(ArchitectureTest.uiDoesNotUseCli, "UiParsingJson");
        fails(ArchitectureTest.jsonIsReadInIo, "readTree");
        fails(ArchitectureTest.onlyTheCommandLineAndTheEntryPointsPrint, "System.out");
        fails(ArchitectureTest.formatParsersLiveInIo, "PricesCsv.parse");
    }

    private static void fails(ArchRule rule, String mentioned) {
        AssertionError e = assertThrows(AssertionError.class, () -> rule.check(BROKEN), rule.getDescription());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }
}
