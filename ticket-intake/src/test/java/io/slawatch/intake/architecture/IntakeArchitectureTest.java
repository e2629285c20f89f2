package io.slawatch.intake.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.Slice;
import io.slawatch.intake.webhook.spi.WebhookAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home for each piece of intake: no package cycles, vendor webhook adapters that know only the
 * webhook SPI (and are found, not listed), and SQL only in the stores. Each rule also fails when
 * what it guards is emptied or renamed.
 */
class IntakeArchitectureTest {
  private static final String INTAKE = "io.slawatch.intake";
  private static final String WEBHOOK = INTAKE + ".webhook";
  private static final String SPI = WEBHOOK + ".spi";

  /** {@code io.slawatch.intake.webhook.<vendor>..}: every sub-package of webhook but the SPI. */
  private static final DescribedPredicate<JavaClass> IN_A_VENDOR_PACKAGE =
      resideInAPackage(WEBHOOK + ".*..")
          .and(not(resideInAPackage(SPI + "..")))
          .as("reside in a vendor package (" + WEBHOOK + ".<vendor>)");

  /** The database clients: whoever uses one writes SQL. */
  private static final String[] SQL_CLIENTS = {
    "io.vertx.sqlclient..",
    "io.vertx.mutiny.sqlclient..",
    "io.vertx.pgclient..",
    "io.vertx.mutiny.pgclient..",
    "java.sql..",
    "javax.sql..",
    "io.agroal..",
    "org.hibernate..",
    "jakarta.persistence.."
  };

  private final JavaClasses intake =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(INTAKE);

  @Test
  void the_guarded_packages_exist() {
    assertThat(intake.stream().map(JavaClass::getPackageName).distinct())
        .as("packages under %s (renamed or emptied?)", INTAKE)
        .contains(
            INTAKE + ".api",
            INTAKE + ".customer",
            INTAKE + ".publish",
            WEBHOOK,
            SPI,
            WEBHOOK + ".github",
            WEBHOOK + ".zendesk");
    assertThat(intake.stream().filter(IN_A_VENDOR_PACKAGE).map(JavaClass::getPackageName))
        .as("vendor packages")
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void intakes_packages_are_free_of_cycles() {
    slices()
        .matching(INTAKE + ".(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false)
        .check(intake);
  }

  @Test
  void vendor_adapters_are_independent_of_each_other() {
    slices()
        .matching(WEBHOOK + ".(*)..")
        .that(describe("are vendor packages", (Slice slice) -> !slice.getNamePart(1).equals("spi")))
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(false)
        .check(intake);
  }

  @Test
  void vendor_adapters_and_the_spi_do_not_know_the_webhook_resource() {
    noClasses()
        .that()
        .resideInAPackage(WEBHOOK + ".*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(WEBHOOK)
        .allowEmptyShould(false)
        .check(intake);
  }

  @Test
  void nothing_outside_a_vendor_package_names_a_vendor_adapter() {
    noClasses()
        .that(not(IN_A_VENDOR_PACKAGE))
        .should()
        .dependOnClassesThat(IN_A_VENDOR_PACKAGE)
        .allowEmptyShould(false)
        .check(intake);
  }

  @Test
  void every_adapter_is_a_bean_in_a_vendor_package_so_that_it_is_found_not_listed() {
    classes()
        .that()
        .implement(WebhookAdapter.class)
        .should(
            com.tngtech.archunit.lang.conditions.ArchConditions.be(IN_A_VENDOR_PACKAGE)
                .and(
                    com.tngtech.archunit.lang.conditions.ArchConditions.beAnnotatedWith(
                        ApplicationScoped.class)))
        .allowEmptyShould(false)
        .check(intake);
  }

  @Test
  void only_stores_use_a_database_client() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SQL_CLIENTS)
        .allowEmptyShould(false)
        .check(intake);
    classes()
        .that()
        .haveSimpleNameEndingWith("Store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SQL_CLIENTS)
        .allowEmptyShould(false)
        .check(intake);
  }

  /** SQL in a string literal of a class that is not a store (what ArchUnit cannot see). */
  private static final Pattern SQL =
      Pattern.compile(
          "(?i)\\b(insert\\s+into|delete\\s+from|select\\s.*\\sfrom|update\\s+\\w+\\s+set"
              + "|on\\s+conflict|create\\s+table)\\b");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  @Test
  void only_stores_hold_sql_text() throws IOException {
    Path sources = Path.of("src/main/java", INTAKE.replace('.', '/'));
    List<String> found = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    int stores = 0;
    for (Path file : files) {
      boolean store = file.getFileName().toString().endsWith("Store.java");
      String text = Files.readString(file);
      boolean hasSql = false;
      Matcher literal = STRING.matcher(text);
      while (literal.find()) {
        if (SQL.matcher(literal.group()).find()) {
          hasSql = true;
          if (!store) {
            found.add(sources.relativize(file) + ": " + literal.group());
          }
        }
      }
      if (store && hasSql) {
        stores++;
      }
    }
    assertThat(files).as("sources under %s", sources).isNotEmpty();
    assertThat(stores).as("stores holding SQL (renamed?)").isGreaterThanOrEqualTo(2);
    assertThat(found).as("SQL outside the stores").isEmpty();
  }
}
