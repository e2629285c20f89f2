package io.slawatch.localrun;

import io.slawatch.testinfra.KafkaBroker;
import io.slawatch.testinfra.Postgres;
import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./slawatch up}: a real PostgreSQL (a local one if it answers, else PostgreSQL binaries
 * from Maven Central), a real Kafka broker (KRaft, a child JVM), the topics, then the three
 * services; waits until they are ready, prints where everything is, and stays up until Ctrl-C or
 * {@code ./slawatch down}, which stop the services before the broker and the database.
 */
public final class LocalRunner {
  private static final List<String> DATABASES =
      List.of("slawatch_intake", "slawatch_timer", "slawatch_notifier");

  private final RunSettings settings;
  private final List<AutoCloseable> infrastructure = new ArrayList<>();
  private final List<ServiceProcess> services = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private LocalRunner(RunSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "up" : args[0];
    RunSettings settings = RunSettings.fromEnvironment(System.getenv());
    switch (command) {
      case "up" -> new LocalRunner(settings).up();
      case "demo" -> System.exit(new Demo(settings).run());
      default -> {
        System.err.println("usage: LocalRunner up|demo");
        System.exit(2);
      }
    }
  }

  private void up() throws Exception {
    Files.createDirectories(settings.logs());
    Path pids = Files.createDirectories(settings.home().resolve("pids"));
    Files.deleteIfExists(settings.readyFile());
    Files.writeString(settings.runnerPidFile(), Long.toString(ProcessHandle.current().pid()));
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "slawatch-shutdown"));
    try {
      Postgres postgres = postgres();
      DATABASES.forEach(postgres::createDatabase);
      say("kafka      starting a KRaft broker on 127.0.0.1:" + settings.kafkaPort());
      KafkaBroker broker =
          KafkaBroker.start(settings.home().resolve("kafka"), settings.kafkaPort());
      infrastructure.add(broker);
      Files.writeString(pids.resolve("kafka.pid"), Long.toString(broker.pid()));
      broker.createTopics(Topics.all());
      say("topics     " + Topics.all());
      MailSink mail = MailSink.start(settings.smtpPort(), settings.mailDir());
      infrastructure.add(mail);
      say(
          "mail       an SMTP sink on 127.0.0.1:"
              + mail.port()
              + ", e-mails kept in "
              + settings.mailDir());

      startService(
          "ticket-intake",
          settings.intakePort(),
          postgres,
          broker,
          Map.of(
              "slawatch.intake.auth.tokens.local.token",
              apiToken(),
              "slawatch.intake.auth.tokens.local.roles",
              "ingest,admin"),
          pids);
      startService(
          "sla-timer",
          settings.timerPort(),
          postgres,
          broker,
          Map.of(
              "slawatch.timer.auth.tokens.local.token",
              apiToken(),
              "slawatch.timer.auth.tokens.local.roles",
              "read,simulate,report"),
          pids);
      Map<String, String> notifier = new java.util.LinkedHashMap<>();
      // the same local token acknowledges alerts and reads their history
      notifier.put("slawatch.notifier.ack.tokens.local.token", apiToken());
      notifier.put("slawatch.notifier.ack.tokens.local.roles", "ack,read,report");
      notifier.put(
          "slawatch.notifier.ack.public-url", "http://127.0.0.1:" + settings.notifierPort());
      // ack links are signed with a secret of their own: the API token never signs anything
      notifier.put("slawatch.notifier.ack.link-secret", secret(linkSecretFile()));
      if (!settings.webhookUrl().isBlank()) {
        notifier.put("slawatch.notifier.webhook.url", settings.webhookUrl());
      }
      if (!settings.policyFile().isBlank()) {
        // its targets use the console channel, which the local run always has
        notifier.put("slawatch.notifier.escalation.policy-file", settings.policyFile());
      }
      // customers' compliance reports: figures from sla-timer, e-mailed to the local mail sink
      notifier.put("slawatch.notifier.reports.enabled", "true");
      notifier.put(
          "slawatch.notifier.reports.timer-url", "http://127.0.0.1:" + settings.timerPort());
      notifier.put("slawatch.notifier.reports.timer-token", apiToken());
      notifier.put(
          "slawatch.notifier.reports.plans",
          "demo,jamf-gold,jamf-platinum,opswat-platinum,opswat-emerald-us");
      notifier.put("quarkus.mailer.host", "127.0.0.1");
      notifier.put("quarkus.mailer.port", Integer.toString(mail.port()));
      notifier.put("quarkus.mailer.from", "slawatch@localhost");
      startService("notifier", settings.notifierPort(), postgres, broker, notifier, pids);
      for (ServiceProcess service : services) {
        service.awaitReady(Duration.ofSeconds(180));
        say(
            String.format(
                "%-10s ready on http://127.0.0.1:%d (log %s)",
                service.name().startsWith("ticket-intake")
                    ? service.name().replace("ticket-", "")
                    : service.name(),
                service.port(),
                service.log()));
      }
      if (settings.policyFile().isBlank()) {
        say("policies   none: every alert goes to every enabled channel once");
      } else {
        say(
            "policies   "
                + settings.policyFile()
                + " (placeholder targets on the console; SLAWATCH_POLICY_FILE= for none)");
      }
      if (!settings.webhookUrl().isBlank()) {
        say(
            "webhook    the notifier posts to "
                + settings.webhookUrl()
                + (settings.policyFile().isBlank()
                    ? " every alert"
                    : " the alerts of policy targets with channel: webhook"));
      }
      writeConnections(postgres, broker);
      Files.writeString(settings.readyFile(), "ready\n");
      say("state      " + settings.home());
      say(
          "slawatch is up. Alerts appear on the console channel: "
              + settings.logs().resolve("notifier.log"));
      say("Send a ticket:  ./slawatch demo      Stop:  Ctrl-C or ./slawatch down");
    } catch (Exception | Error e) {
      System.err.println("[slawatch] start-up failed: " + e.getMessage());
      System.exit(1);
    }
    stopped.await();
  }

  /** Where everything is, for tools such as the benchmark: {@code <home>/run.properties}. */
  private void writeConnections(Postgres postgres, KafkaBroker broker) throws IOException {
    java.util.Properties run = new java.util.Properties();
    run.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
    run.setProperty("postgres.user", postgres.user());
    run.setProperty("postgres.password", postgres.password());
    for (String database : DATABASES) {
      run.setProperty("postgres.jdbc." + database, postgres.jdbcUrl(database));
    }
    run.setProperty("intake.url", "http://127.0.0.1:" + settings.intakePort());
    run.setProperty("timer.url", "http://127.0.0.1:" + settings.timerPort());
    run.setProperty("notifier.url", "http://127.0.0.1:" + settings.notifierPort());
    // every instance, for tools that watch them all
    for (ServiceProcess service : services) {
      run.setProperty("instance." + service.name() + ".url", "http://127.0.0.1:" + service.port());
    }
    try (var out = Files.newBufferedWriter(settings.home().resolve("run.properties"))) {
      run.store(out, "slawatch local run: connection settings");
    }
  }

  /**
   * The local run's API token (intake: ingest and admin; sla-timer: read, simulate and report;
   * notifier: ack and read), kept in the state directory for the demo.
   */
  private String apiToken() throws IOException {
    return secret(settings.apiTokenFile());
  }

  /** The key of the acknowledge links' signatures, beside the API token. */
  private Path linkSecretFile() {
    return settings.apiTokenFile().resolveSibling("link-secret");
  }

  /** A random secret kept in this file (readable by its owner only), made on first use. */
  private static String secret(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] random = new byte[24];
      new java.security.SecureRandom().nextBytes(random);
      Files.writeString(file, java.util.HexFormat.of().formatHex(random));
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    return Files.readString(file).trim();
  }

  private Postgres postgres() throws IOException {
    Optional<Postgres> existing =
        Postgres.existing(
            settings.pgHost(), settings.pgPort(), settings.pgUser(), settings.pgPassword());
    if (existing.isPresent()) {
      say(
          "postgres   using the server already running on "
              + settings.pgHost()
              + ":"
              + settings.pgPort());
      return existing.get();
    }
    say(
        "postgres   none answers on "
            + settings.pgHost()
            + ":"
            + settings.pgPort()
            + " as "
            + settings.pgUser()
            + ": starting PostgreSQL from Maven Central on 127.0.0.1:"
            + settings.embeddedPgPort());
    Postgres embedded =
        Postgres.start(settings.home().resolve("postgres"), settings.embeddedPgPort(), true);
    infrastructure.add(embedded);
    Files.writeString(
        settings.home().resolve("pids").resolve("postgres.port"),
        Integer.toString(embedded.port()));
    return embedded;
  }

  private void startService(
      String name,
      int port,
      Postgres postgres,
      KafkaBroker broker,
      Map<String, String> extra,
      Path pids)
      throws IOException {
    String database = "slawatch_" + name.replace("ticket-", "").replace("sla-", "");
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", broker.bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
    config.put("quarkus.datasource.username", postgres.user());
    config.put("quarkus.datasource.password", postgres.password());
    config.putAll(extra);
    Path jar = settings.repo().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    int count = settings.instances().getOrDefault(name, 1);
    for (int n = 1; n <= count; n++) {
      // replicas: the same database and consumer groups, a port and a log of their own
      String instance = n == 1 ? name : name + "-" + n;
      int instancePort = RunSettings.instancePort(port, n);
      services.add(
          ServiceProcess.start(instance, jar, instancePort, config, settings.logs(), pids));
      say(
          String.format(
              "%-10s starting (log %s)", instance, settings.logs().resolve(instance + ".log")));
    }
  }

  /** Services first (so consumers leave their groups cleanly), then the broker, then PostgreSQL. */
  private void shutdown() {
    say("stopping: services, then the broker, then PostgreSQL");
    try {
      for (ServiceProcess service : services.reversed()) {
        service.stop(Duration.ofSeconds(20));
      }
      for (AutoCloseable closeable : infrastructure.reversed()) {
        closeable.close();
      }
      Files.deleteIfExists(settings.readyFile());
      Files.deleteIfExists(settings.runnerPidFile());
      try (var files = Files.list(settings.home().resolve("pids"))) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      say("stopped");
    } catch (Exception e) {
      System.err.println("[slawatch] while stopping: " + e);
    } finally {
      stopped.countDown();
    }
  }

  static void say(String line) {
    System.out.println("[slawatch] " + line);
    System.out.flush();
  }
}
