package io.slawatch.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps frameworks and package cycles out of the core, and fails if the guarded package disappears.
 */
class CorePurityTest {
  private static final String CORE = "io.slawatch.core";

  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CORE);

  @Test
  void the_guarded_package_exists_and_holds_the_contracts() {
    assertThat(core.stream().map(c -> c.getPackageName()))
        .as("classes under %s (renamed or emptied?)", CORE)
        .contains(
            "io.slawatch.core.event",
            "io.slawatch.core.alert",
            "io.slawatch.core.ticket",
            "io.slawatch.core.engagement");
  }

  @Test
  void the_core_uses_no_framework() {
    noClasses()
        .that()
        .resideInAPackage(CORE + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "javax.inject..",
            "io.smallrye..",
            "org.apache.kafka..",
            "io.vertx..",
            "java.sql..",
            "org.hibernate..",
            "com.fasterxml.jackson..")
        .allowEmptyShould(false)
        .check(core);
  }

  @Test
  void the_core_never_reads_the_wall_clock() {
    noClasses()
        .that()
        .resideInAPackage(CORE + "..")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .allowEmptyShould(false)
        .check(core);
  }

  @Test
  void the_core_packages_depend_on_each_other_without_cycles() {
    slices()
        .matching(CORE + ".(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false)
        .check(core);
  }
}
