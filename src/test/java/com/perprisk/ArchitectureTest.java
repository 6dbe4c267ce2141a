package com.perprisk;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers of docs/architecture.md, enforced: the engine is pure Java; io sits under ui and cli; ui and cli do not
 * know each other; file formats are parsed in io; only the command line and the app's entry points print.
 *
 * <p>Nothing is excused by name.
 */
@AnalyzeClasses(packages = "com.perprisk",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule engineIsPureJava = noClasses()
            .that().resideInAPackage("com.perprisk.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml.jackson..", "java.io..",
                    "java.nio..", "com.perprisk.io..", "com.perprisk.ui..", "com.perprisk.cli..",
                    "com.perprisk.venue..")
            .because("the engine is pure Java: no JavaFX, Jackson or I/O (README, docs/architecture.md)");

    @ArchTest
    static final ArchRule simulationDoesNotReachIntoProbability = noClasses()
            .that().resideInAPackage("com.perprisk.engine.simulation..")
            .should().dependOnClassesThat().resideInAPackage("com.perprisk.engine.probability..")
            .because("simulation and probability are siblings; what they share lives below both (a constant javac"
                    + " inlines leaves no trace in the bytecode: PricePath's import of BarrierProbability passes)");

    @ArchTest
    static final ArchRule ioIsBelowUiAndCli = noClasses()
            .that().resideInAPackage("com.perprisk.io..")
            .should().dependOnClassesThat().resideInAnyPackage("com.perprisk.ui..", "com.perprisk.cli..")
            .because("file formats serve the app and the command line alike");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses()
            .that().resideInAPackage("com.perprisk.ui..")
            .should().dependOnClassesThat().resideInAPackage("com.perprisk.cli..")
            .because("the app and the command line are two front ends over the same engine and io");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("com.perprisk.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.perprisk.ui..")
            .because("headless commands never need a display");

    /** Jackson's reading side: parsers, readers and the mappers' read methods (by name: no class-path lookups). */
    private static final DescribedPredicate<JavaAccess<?>> JSON_READING = new DescribedPredicate<>(
            "read JSON with Jackson") {
        @Override
        public boolean test(JavaAccess<?> access) {
            String owner = access.getTargetOwner().getName();
            String name = access.getName();
            if (owner.startsWith("com.fasterxml.jackson.core.json.") || owner.endsWith("JsonParser")
                    || owner.equals("com.fasterxml.jackson.databind.ObjectReader")) {
                return owner.endsWith("Parser") || owner.endsWith("ObjectReader");
            }
            if (owner.equals("com.fasterxml.jackson.core.JsonFactory")
                    || owner.equals("com.fasterxml.jackson.databind.MappingJsonFactory")) {
                return name.startsWith("createParser") || name.startsWith("createNonBlocking");
            }
            return (owner.equals("com.fasterxml.jackson.databind.ObjectMapper")
                    || owner.equals("com.fasterxml.jackson.databind.json.JsonMapper"))
                    && (name.startsWith("read") || name.equals("reader") || name.startsWith("readerFor")
                    || name.equals("createParser") || name.equals("treeToValue"));
        }
    };

    @ArchTest
    static final ArchRule jsonIsReadInIo = noClasses()
            .that().resideOutsideOfPackages("com.perprisk.io..", "com.perprisk.venue..")
            .should().accessTargetWhere(JSON_READING)
            .because("every file format is read through Jackson in io, with field-path errors"
                    + " (venue responses are read in com.perprisk.venue)");

    @ArchTest
    static final ArchRule formatParsersLiveInIo = methods()
            .that().areDeclaredInClassesThat(are(simpleNameEndingWith("Csv").or(simpleNameEndingWith("Json"))
                    .or(simpleNameEndingWith("Codec")).or(simpleNameEndingWith("Import"))))
            .and().areDeclaredInClassesThat(not(belongToAnyOf(Object.class)))
            .and().haveNameMatching("(parse|read|from).*")
            .and().areDeclaredInClassesThat(not(resideInAnyPackage("com.perprisk.io..")))
            .should().notBePublic()
            .because("a class named for a file format that parses it belongs in io")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCommandLineAndTheEntryPointsPrint = noClasses()
            .that().resideOutsideOfPackage("com.perprisk.cli..")
            .and().doNotHaveFullyQualifiedName("com.perprisk.Launcher")
            .and().doNotHaveFullyQualifiedName("com.perprisk.DesktopEntry")
            .and().doNotHaveFullyQualifiedName("com.perprisk.ui.PerpRiskApp")
            .and().doNotHaveFullyQualifiedName("com.perprisk.ui.FirstFrame") // the start-up probe's marker on stdout
            // the platform loggers' console (JavaFX's CSS warnings), in place of java.util.logging's
            .and().doNotHaveFullyQualifiedName("com.perprisk.ConsoleLoggerFinder$ConsoleLogger")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("the app reports in its window and the commands on stderr; a library never prints");
}
