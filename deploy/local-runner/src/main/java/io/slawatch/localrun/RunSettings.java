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
    int smtpPort) {

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
        port(env, "SLAWATCH_SMTP_PORT", 2525));
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
