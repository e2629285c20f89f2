package io.slawatch.localrun;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local run keeps its state and which ports it uses; every value can be overridden by an
 * environment variable (see the README's configuration table).
 */
record RunSettings(
    Path repo,
    Path home,
    int kafkaPort,
    String pgHost,
    int pgPort,
    String pgUser,
    String pgPassword,
    int embeddedPgPort,
    int intakePort,
    int timerPort,
    int notifierPort,
    String webhookUrl,
    String policyFile,
    int smtpPort,
    Map<String, Integer> instances) {

  /** The services whose instance count {@code SLAWATCH_INSTANCES} may set. */
  static final java.util.List<String> SERVICES =
      java.util.List.of("ticket-intake", "sla-timer", "notifier");

  /** At most this many instances of a service: the machine runs them all. */
  static final int MAX_INSTANCES = 4;

  /** The escalation policies the local run uses unless {@code SLAWATCH_POLICY_FILE} says. */
  static final String SHIPPED_POLICIES = "deploy/policies/seed-plans.yaml";

  static RunSettings fromEnvironment(Map<String, String> env) {
    Path repo = Path.of(env.getOrDefault("SLAWATCH_REPO", ".")).toAbsolutePath().normalize();
    return new RunSettings(
        repo,
        Path.of(env.getOrDefault("SLAWATCH_HOME", repo.resolve(".slawatch").toString()))
            .toAbsolutePath()
            .normalize(),
        port(env, "SLAWATCH_KAFKA_PORT", 9092),
        env.getOrDefault("SLAWATCH_PG_HOST", "127.0.0.1"),
        port(env, "SLAWATCH_PG_PORT", 5432),
        env.getOrDefault("SLAWATCH_PG_USER", "slawatch"),
        env.getOrDefault("SLAWATCH_PG_PASSWORD", "slawatch"),
        port(env, "SLAWATCH_EMBEDDED_PG_PORT", 15432),
        port(env, "SLAWATCH_INTAKE_PORT", 8081),
        port(env, "SLAWATCH_TIMER_PORT", 8082),
        port(env, "SLAWATCH_NOTIFIER_PORT", 8083),
        env.getOrDefault("SLAWATCH_WEBHOOK_URL", ""),
        policyFile(env, repo),
        port(env, "SLAWATCH_SMTP_PORT", 2525),
        instances(env.getOrDefault("SLAWATCH_INSTANCES", "")));
  }

  /**
   * {@code SLAWATCH_INSTANCES} ({@code ./slawatch up --instances sla-timer=2,notifier=2}): how many
   * processes of each service to run, 1 by default; they share the service's database and consumer
   * groups, as replicas in production do.
   */
  static Map<String, Integer> instances(String value) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    SERVICES.forEach(service -> counts.put(service, 1));
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] pair = part.trim().split("=", 2);
      String service = pair[0].trim().equals("intake") ? "ticket-intake" : pair[0].trim();
      if (pair.length != 2 || !counts.containsKey(service)) {
        throw new IllegalArgumentException(
            "SLAWATCH_INSTANCES: '"
                + part.trim()
                + "' is not <service>=<count> with service one of "
                + SERVICES);
      }
      int count;
      try {
        count = Integer.parseInt(pair[1].trim());
      } catch (NumberFormatException e) {
        count = 0;
      }
      if (count < 1 || count > MAX_INSTANCES) {
        throw new IllegalArgumentException(
            "SLAWATCH_INSTANCES: the count of "
                + service
                + " must be 1 to "
                + MAX_INSTANCES
                + ", not "
                + pair[1].trim());
      }
      counts.put(service, count);
    }
    return Map.copyOf(counts);
  }

  /**
   * The HTTP port of instance {@code n} (1-based) of a service whose first instance listens on
   * {@code base}: the second on base + 100 (8182 for sla-timer), the third on base + 200.
   */
  static int instancePort(int base, int n) {
    return base + 100 * (n - 1);
  }

  /**
   * {@code SLAWATCH_POLICY_FILE}: the notifier's policy file (relative to the repository), the
   * shipped one by default; set but empty, none (every alert to every enabled channel once).
   */
  private static String policyFile(Map<String, String> env, Path repo) {
    String value = env.getOrDefault("SLAWATCH_POLICY_FILE", SHIPPED_POLICIES).trim();
    return value.isEmpty() ? "" : repo.resolve(value).toAbsolutePath().normalize().toString();
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not a port number");
    }
  }

  Path logs() {
    return home.resolve("logs");
  }

  Path runnerPidFile() {
    return home.resolve("runner.pid");
  }

  /** The API token of the local run (intake ingest and admin, sla-timer read and simulate). */
  Path apiTokenFile() {
    return home.resolve("api-token");
  }

  /** Where the local mail sink keeps the e-mails it receives, one .eml file each. */
  Path mailDir() {
    return home.resolve("mail");
  }

  Path readyFile() {
    return home.resolve("ready");
  }
}
