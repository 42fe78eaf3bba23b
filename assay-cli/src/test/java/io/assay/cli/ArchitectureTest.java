package io.assay.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries: the domain and the library modules stay free of Spring and of the applications (server, CLI),
 * and the core depends on no other Assay module. Data flows one way: libraries -> core.
 */
class ArchitectureTest {

    static final JavaClasses ASSAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.assay");

    static final String[] LIBRARIES = {"io.assay.core..", "io.assay.metadata..", "io.assay.c2pa..", "io.assay.index..", "io.assay.hash..", "io.assay.watermark..", "io.assay.exchange..", "io.assay.detect..", "io.assay.stream.."};

    @Test
    void librariesDoNotDependOnSpring() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(ASSAY);
    }

    @Test
    void librariesDoNotDependOnTheApplications() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.server..", "io.assay.cli..")
                .check(ASSAY);
    }

    @Test
    void coreDependsOnNoOtherAssayModule() {
        noClasses().that().resideInAPackage("io.assay.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.metadata..", "io.assay.c2pa..",
                        "io.assay.index..", "io.assay.hash..", "io.assay.watermark..", "io.assay.server..",
                        "io.assay.cli..")
                .check(ASSAY);
    }

    @Test
    void libraryModulesDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.assay.metadata..")
                .should().dependOnClassesThat().resideInAPackage("io.assay.c2pa..").check(ASSAY);
        noClasses().that().resideInAPackage("io.assay.c2pa..")
                .should().dependOnClassesThat().resideInAPackage("io.assay.metadata..").check(ASSAY);
    }

    @Test
    void theIndexStandsAlone() {
        noClasses().that().resideInAPackage("io.assay.index..")
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.metadata..", "io.assay.c2pa..",
                        "io.assay.hash..", "io.assay.server..", "io.assay.cli..").check(ASSAY);
    }

    @Test
    void hashingDependsOnlyOnTheCoreAndTheIndex() {
        noClasses().that().resideInAPackage("io.assay.hash..")
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.metadata..", "io.assay.c2pa..")
                .check(ASSAY);
    }

    @Test
    void watermarkingDependsOnlyOnTheCore() {
        noClasses().that().resideInAPackage("io.assay.watermark..")
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.metadata..", "io.assay.c2pa..",
                        "io.assay.hash..", "io.assay.index..")
                .check(ASSAY);
    }

    @Test
    void theExchangeModelStandsAlone() {
        noClasses().that().resideInAPackage("io.assay.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.core..", "io.assay.metadata..",
                        "io.assay.c2pa..", "io.assay.hash..", "io.assay.index..", "io.assay.watermark..")
                .check(ASSAY);
    }

    @Test
    void detectionDependsOnlyOnTheCoreAndTheDecoders() {
        noClasses().that().resideInAPackage("io.assay.detect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.assay.server..", "io.assay.cli..",
                        "io.assay.exchange..", "io.assay.metadata..", "io.assay.c2pa..", "io.assay.index..",
                        "io.assay.watermark..")
                .check(ASSAY);
    }

    @Test
    void theCoreKnowsNothingOfDetectors() {
        noClasses().that().resideInAPackage("io.assay.core..")
                .should().dependOnClassesThat().resideInAPackage("io.assay.detect..").check(ASSAY);
    }

    @Test
    void serverDoesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("io.assay.server..")
                .should().dependOnClassesThat().resideInAPackage("io.assay.cli..").check(ASSAY);
    }
}
