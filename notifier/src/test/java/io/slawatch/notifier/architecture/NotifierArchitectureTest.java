package io.slawatch.notifier.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notifier's shape: no package cycles, channels that know nothing of each other, a pure policy
 * package, SQL only in the stores. Every rule fails when the package it guards is empty or renamed
 * ({@code allowEmptyShould(false)}).
 */
class NotifierArchitectureTest {
  private static final String NOTIFIER = "io.slawatch.notifier";
  private static final String CHANNEL = NOTIFIER + ".channel";
  private static final String STORE = NOTIFIER + ".store";

  /** The channels; each may use {@code channel}, {@code channel.http} and {@code channel.text}. */
  static final List<String> CHANNELS =
      List.of("slack", "teams", "pagerduty", "alertmanager", "webhook", "email", "console");

  static List<String> channels() {
    return CHANNELS;
  }

  private static final String[] SQL = {
    "io.vertx.sqlclient..",
    "io.vertx.mutiny.sqlclient..",
    "io.vertx.pgclient..",
    "io.vertx.mutiny.pgclient..",
    "java.sql..",
    "javax.sql.."
  };

  private static final JavaClasses NOTIFIER_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(NOTIFIER);

  @Test
  void the_notifiers_packages_depend_on_each_other_without_cycles() {
    slices()
        .matching(NOTIFIER + ".(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false)
        .check(NOTIFIER_CLASSES);
  }

  @ParameterizedTest
  @MethodSource("channels")
  void a_channel_knows_nothing_of_the_other_channels(String channel) {
    String[] others =
        CHANNELS.stream()
            .filter(other -> !other.equals(channel))
            .map(other -> CHANNEL + "." + other + "..")
            .toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage(CHANNEL + "." + channel + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .allowEmptyShould(false)
        .check(NOTIFIER_CLASSES);
  }

  @Test
  void routing_policies_are_pure() {
    noClasses()
        .that()
        .resideInAPackage(NOTIFIER + ".policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "io.vertx..",
            "io.smallrye..",
            "org.apache.kafka..",
            "java.sql..",
            "javax.sql..",
            "jakarta..",
            "javax.inject..",
            "org.eclipse.microprofile..",
            "io.micrometer..")
        .allowEmptyShould(false)
        .check(NOTIFIER_CLASSES);
  }

  /**
   * {@code notifier.customer} keeps its SQL for now: the table belongs to the customer projection
   * that replaces it.
   */
  @Test
  void sql_runs_only_in_the_stores() {
    noClasses()
        .that()
        .resideInAPackage(NOTIFIER + "..")
        .and()
        .resideOutsideOfPackages(STORE + "..", NOTIFIER + ".customer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SQL)
        .allowEmptyShould(false)
        .check(NOTIFIER_CLASSES);
  }

  @Test
  void each_store_runs_its_own_sql() {
    classes()
        .that()
        .resideInAPackage(STORE + "..")
        .and()
        .haveSimpleNameEndingWith("Store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SQL)
        .allowEmptyShould(false)
        .check(NOTIFIER_CLASSES);
  }
}
