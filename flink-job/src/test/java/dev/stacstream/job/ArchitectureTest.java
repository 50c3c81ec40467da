package dev.stacstream.job;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module dependency direction of DESIGN.md: flink-job → connectors; cog → storage; no Flink below the job. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stacstream");
    }

    @Test
    void cogAndStorageDoNotDependOnFlink() {
        noClasses().that().resideInAnyPackage("dev.stacstream.cog..", "dev.stacstream.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..")
                .check(classes);
    }

    @Test
    void storageDoesNotDependOnTheCogReader() {
        noClasses().that().resideInAPackage("dev.stacstream.storage..")
                .should().dependOnClassesThat().resideInAPackage("dev.stacstream.cog..")
                .check(classes);
    }

    @Test
    void connectorsDoNotDependOnTheJob() {
        noClasses().that().resideInAnyPackage("dev.stacstream.cog..", "dev.stacstream.storage..")
                .should().dependOnClassesThat().resideInAPackage("dev.stacstream.job..")
                .check(classes);
    }

    @Test
    void codecsDoNotDependOnTheReaderAbove() {
        noClasses().that().resideInAPackage("dev.stacstream.cog.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stacstream.cog.read..", "dev.stacstream.cog.tiff..",
                        "dev.stacstream.cog.plan..")
                .check(classes);
    }
}
