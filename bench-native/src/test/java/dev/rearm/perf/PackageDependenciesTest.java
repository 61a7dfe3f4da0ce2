package dev.rearm.perf;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The packages under dev.rearm.perf (linux, event, probe, strategy, ...) depend on each other in
 * one direction only, so each can be read, and changed, knowing only the ones below it. Main
 * sources only: tests may reach across packages.
 */
@AnalyzeClasses(packages = "dev.rearm.perf", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    @ArchTest
    static void perfPackagesFormNoCycle(JavaClasses mainClasses) {
        slices().matching("dev.rearm.perf.(*)..").should().beFreeOfCycles().check(mainClasses);
    }
}
