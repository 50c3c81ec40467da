package dev.stacstream.job.mask;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The masking and aggregation kernels are plain Java, wrapped by the job's operators: no Flink, nothing from
 * the rest of the job, and masking does not know about aggregation.
 */
class KernelsArchitectureTest {

    private static JavaClasses kernels;

    @BeforeAll
    static void importClasses() {
        kernels = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stacstream.job.mask", "dev.stacstream.job.aggregate");
    }

    @Test
    void kernelsDoNotDependOnFlink() {
        noClasses().that().resideInAnyPackage("dev.stacstream.job.mask..", "dev.stacstream.job.aggregate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..")
                .check(kernels);
    }

    @Test
    void kernelsDependOnlyOnTheJdkTheCogReaderAndEachOther() {
        classes().that().resideInAnyPackage("dev.stacstream.job.mask..", "dev.stacstream.job.aggregate..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.stacstream.job.mask..",
                        "dev.stacstream.job.aggregate..", "dev.stacstream.cog..", "java..")
                .check(kernels);
    }

    @Test
    void maskingDoesNotDependOnAggregation() {
        noClasses().that().resideInAPackage("dev.stacstream.job.mask..")
                .should().dependOnClassesThat().resideInAPackage("dev.stacstream.job.aggregate..")
                .check(kernels);
    }
}
