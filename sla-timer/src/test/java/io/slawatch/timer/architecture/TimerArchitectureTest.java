package io.slawatch.timer.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertx.mutiny.sqlclient.SqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sla-timer's shape: SQL only in the stores, scheduling and firing decisions in plain Java, no
 * package cycles. Every rule fails when the packages it guards are emptied or renamed.
 */
class TimerArchitectureTest {
  private static final String TIMER = "io.slawatch.timer";
  private static final String STORE = TIMER + ".store";

  private static final JavaClasses TIMER_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(TIMER);

  /** A statement sent to PostgreSQL: {@code query} or {@code preparedQuery} of a Vert.x client. */
  private static final DescribedPredicate<JavaCall<?>> SQL_STATEMENT =
      target(owner(assignableTo(SqlClient.class)))
          .and(target(nameMatching("query|preparedQuery")))
          .as("send a statement to PostgreSQL (SqlClient.query/preparedQuery)");

  @Test
  void the_guarded_packages_exist() {
    assertThat(TIMER_CLASSES.stream().map(c -> c.getPackageName()))
        .as("packages under %s (renamed or emptied?)", TIMER)
        .contains(STORE, TIMER + ".schedule", TIMER + ".outcome", TIMER + ".consume");
  }

  @Test
  void the_packages_of_sla_timer_depend_on_each_other_without_cycles() {
    slices()
        .matching(TIMER + ".(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false)
        .check(TIMER_CLASSES);
  }

  @Test
  void only_the_stores_send_sql() {
    noClasses()
        .that()
        .resideInAPackage(TIMER + "..")
        .and()
        .resideOutsideOfPackage(STORE + "..")
        .should()
        .callMethodWhere(SQL_STATEMENT)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(io.vertx.mutiny.sqlclient.Tuple.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(io.vertx.mutiny.sqlclient.Row.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(io.vertx.mutiny.sqlclient.RowSet.class.getName())
        .allowEmptyShould(false)
        .check(TIMER_CLASSES);
  }

  @Test
  void every_store_sends_its_own_statements() {
    classes()
        .that()
        .resideInAPackage(STORE)
        .and()
        .haveSimpleNameEndingWith("Store")
        .should()
        .callMethodWhere(SQL_STATEMENT)
        .allowEmptyShould(false)
        .check(TIMER_CLASSES);
  }

  /** The decisions: plain Java over the core, testable without Quarkus, Kafka or PostgreSQL. */
  @ParameterizedTest
  @ValueSource(strings = {TIMER + ".schedule", TIMER + ".outcome"})
  void decisions_use_no_framework(String decisions) {
    noClasses()
        .that()
        .resideInAPackage(decisions + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "io.vertx..",
            "org.apache.kafka..",
            "io.smallrye..",
            "jakarta..",
            "org.eclipse.microprofile..",
            "io.micrometer..",
            "io.opentelemetry..",
            "java.sql..",
            "io.slawatch.service..")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .allowEmptyShould(false)
        .check(TIMER_CLASSES);
    classes()
        .that()
        .resideInAPackage(decisions + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.slawatch.core..", decisions + "..")
        .allowEmptyShould(false)
        .check(TIMER_CLASSES);
  }
}
