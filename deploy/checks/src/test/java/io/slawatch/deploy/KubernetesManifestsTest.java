package io.slawatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slawatch.testinfra.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * deploy/k8s rendered by {@code kubectl kustomize} (kubectl is on these machines; without it the
 * tests are skipped with that reason) and read back as typed documents.
 */
class KubernetesManifestsTest {
  private static final Path DEPLOY = Path.of(System.getProperty("slawatch.deploy.dir", ".."));
  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> render(String overlay) throws Exception {
    Process process =
        new ProcessBuilder(
                KUBECTL.toString(),
                "kustomize",
                DEPLOY.resolve("k8s/overlays").resolve(overlay).toString())
            .redirectErrorStream(true)
            .start();
    String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(yaml).isZero();
    Load load = new Load(LoadSettings.builder().build());
    return StreamSupport.stream(load.loadAllFromString(yaml).spliterator(), false)
        .map(doc -> (Map<String, Object>) doc)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current =
          current instanceof List<?> list
              ? list.get(Integer.parseInt(key))
              : ((Map<String, Object>) current).get(key);
    }
    return (T) current;
  }

  private static Stream<Map<String, Object>> kind(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void every_service_has_probes_resources_and_the_whole_platform_around_it(String overlay)
      throws Exception {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not installed");
    List<Map<String, Object>> docs = render(overlay);

    assertThat(docs.stream().map(d -> (String) d.get("kind")).collect(Collectors.toSet()))
        .contains(
            "Deployment",
            "Service",
            "ServiceMonitor",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "Cluster",
            "ScaledObject",
            "PrometheusRule");
    assertThat(kind(docs, "Deployment").map(d -> (String) at(d, "metadata", "name")))
        .containsExactlyInAnyOrder("ticket-intake", "sla-timer", "notifier");
    kind(docs, "Deployment")
        .forEach(
            d -> {
              Map<String, Object> container = at(d, "spec", "template", "spec", "containers", "0");
              assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
                  .isEqualTo("/q/health/ready");
              assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
                  .isEqualTo("/q/health/live");
              assertThat((Object) at(container, "resources", "requests", "memory")).isNotNull();
              assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
            });
    Map<String, Integer> topics =
        kind(docs, "KafkaTopic")
            .collect(
                Collectors.toMap(
                    t -> (String) at(t, "spec", "topicName"),
                    t -> ((Number) at(t, "spec", "partitions")).intValue()));
    assertThat(topics).isEqualTo(Topics.all());
    assertThat(
            kind(docs, "KafkaTopic")
                .filter(t -> Topics.CUSTOMER_EVENTS.equals(at(t, "spec", "topicName")))
                .map(t -> (String) at(t, "spec", "config", "cleanup.policy")))
        .containsExactly("compact");
    if (overlay.equals("prod")) {
      assertThat(
              kind(docs, "Deployment")
                  .filter(d -> "ticket-intake".equals(at(d, "metadata", "name")))
                  .map(d -> ((Number) at(d, "spec", "replicas")).intValue()))
          .containsExactly(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void the_notifier_reads_the_shipped_escalation_policies_from_a_config_map(String overlay)
      throws Exception {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not installed");
    List<Map<String, Object>> docs = render(overlay);
    Map<String, Object> configMap =
        kind(docs, "ConfigMap")
            .filter(c -> "notifier-policies".equals(at(c, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    assertThat((String) at(configMap, "data", "seed-plans.yaml"))
        .as("run deploy/k8s/generate-notifier-policies.sh after changing the policies")
        .isEqualTo(Files.readString(DEPLOY.resolve("policies/seed-plans.yaml")));

    Map<String, Object> notifier =
        kind(docs, "Deployment")
            .filter(d -> "notifier".equals(at(d, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> pod = at(notifier, "spec", "template", "spec");
    Map<String, Object> container = at(pod, "containers", "0");
    List<Map<String, Object>> env = at(container, "env");
    String policyFile =
        env.stream()
            .filter(e -> "SLAWATCH_NOTIFIER_ESCALATION_POLICY_FILE".equals(e.get("name")))
            .map(e -> (String) e.get("value"))
            .findFirst()
            .orElseThrow();
    List<Map<String, Object>> mounts = at(container, "volumeMounts");
    Map<String, Object> mount =
        mounts.stream()
            .filter(m -> policyFile.startsWith(m.get("mountPath") + "/"))
            .findFirst()
            .orElseThrow();
    assertThat(policyFile.substring(((String) mount.get("mountPath")).length() + 1))
        .isEqualTo("seed-plans.yaml");
    List<Map<String, Object>> volumes = at(pod, "volumes");
    assertThat(
            volumes.stream()
                .filter(v -> v.get("name").equals(mount.get("name")))
                .map(v -> (String) at(v, "configMap", "name")))
        .containsExactly("notifier-policies");
  }

  @Test
  void the_prometheus_rule_carries_exactly_the_rules_of_deploy_prometheus() throws Exception {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not installed");
    Map<String, Object> rule = kind(render("prod"), "PrometheusRule").findFirst().orElseThrow();
    List<Object> fromFiles = new ArrayList<>();
    Load load = new Load(LoadSettings.builder().build());
    try (Stream<Path> files = Files.list(DEPLOY.resolve("prometheus/rules"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".rules.yml")).sorted().toList()) {
        fromFiles.addAll(at(load.loadFromString(Files.readString(file)), "groups"));
      }
    }
    assertThat((List<Object>) at(rule, "spec", "groups"))
        .as("run deploy/k8s/generate-prometheusrule.sh after changing the rules")
        .isEqualTo(fromFiles);
  }
}
