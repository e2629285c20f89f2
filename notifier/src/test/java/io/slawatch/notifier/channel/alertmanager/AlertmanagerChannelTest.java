package io.slawatch.notifier.channel.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.notifier.WebhookReceiverResource;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpSettings;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.testinfra.Alertmanager;
import io.slawatch.testinfra.RealInfraTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alertmanager channel against a real Alertmanager (Debian's {@code prometheus-alertmanager}):
 * what it posts is accepted by the API v2, a warning and a breach are two alerts, and the clock's
 * closing alert ({@code sla.met} or {@code sla.ended}) resolves both.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class AlertmanagerChannelTest {
  @TempDir static Path dir;
  private static Alertmanager alertmanager;
  @Inject Vertx vertx;
  private AlertmanagerChannel channel;
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void start() {
    assumeTrue(
        Alertmanager.binary().isPresent(),
        "alertmanager not installed: apt-get install prometheus-alertmanager");
    alertmanager = Alertmanager.start(dir);
  }

  @AfterAll
  static void stop() {
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  @BeforeEach
  void channel() {
    // the channel as the application builds it, aimed at this Alertmanager (the messages' words
    // need the application's Qute bundles)
    JsonPoster poster = new JsonPoster(http(), vertx, new SimpleMeterRegistry());
    channel =
        new AlertmanagerChannel(
            () -> Optional.of(alertmanager.url()), poster, new ObjectMapper(), Clock.systemUTC());
  }

  @Test
  void a_warning_then_a_breach_are_two_alerts_and_the_met_clock_resolves_both() throws Exception {
    String ticket = "T-" + UUID.randomUUID();
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    deliver(
        alert(AlertKind.WARNING, ticket, due.minus(Duration.ofMinutes(15)), due)
            .withTicketUrl(
                Optional.of(java.net.URI.create("https://github.com/acme/support/issues/7"))));
    List<JsonNode> active = active(ticket);
    assertThat(active).hasSize(1);
    JsonNode warning = active.getFirst();
    assertThat(warning.at("/labels/severity").asText()).isEqualTo("warning");
    assertThat(warning.at("/labels/alertname").asText()).isEqualTo("SlaCommitment");
    assertThat(warning.at("/labels/clock").asText()).isEqualTo("first_response");
    assertThat(warning.at("/labels/plan").asText()).isEqualTo("jamf-gold");
    assertThat(warning.at("/labels/priority").asText()).isEqualTo("P1");
    assertThat(warning.at("/labels/customer").asText()).isEqualTo("acme");
    assertThat(warning.at("/annotations/due").asText()).isEqualTo(due.toString());
    assertThat(warning.at("/annotations/ticket_url").asText())
        .isEqualTo("https://github.com/acme/support/issues/7");
    assertThat(warning.at("/status/state").asText()).isEqualTo("active");

    deliver(alert(AlertKind.BREACHED, ticket, due, due));
    assertThat(active(ticket))
        .extracting(a -> a.at("/labels/severity").asText())
        .containsExactlyInAnyOrder("warning", "critical");

    deliver(alert(AlertKind.MET, ticket, Instant.now(), due));
    assertThat(active(ticket)).as("no alert of the ticket is still firing").isEmpty();
  }

  @Test
  void a_breach_whose_ticket_was_solved_resolves_the_warning_and_the_critical_alert()
      throws Exception {
    String ticket = "T-" + UUID.randomUUID();
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    deliver(alert(AlertKind.WARNING, ticket, due.minus(Duration.ofMinutes(15)), due));
    deliver(alert(AlertKind.BREACHED, ticket, due, due));
    assertThat(active(ticket)).hasSize(2);

    SlaAlert breach = alert(AlertKind.BREACHED, ticket, due, due);
    deliver(
        new SlaAlert(
            AlertKind.ENDED,
            breach.ticket(),
            breach.customer(),
            breach.plan(),
            breach.priority(),
            breach.clock(),
            breach.cycle(),
            breach.target(),
            due,
            Instant.now(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Duration.ofMinutes(80)),
            Optional.of(io.slawatch.core.alert.EndReason.TICKET_SOLVED),
            Optional.of("1 hour, 24x7"),
            java.util.Set.of(),
            Optional.empty()));

    assertThat(active(ticket)).as("no alert of the ticket is still firing").isEmpty();
  }

  private void deliver(SlaAlert alert) {
    assertThat(
            channel
                .deliver(Notification.of(alert, "{}", "alertmanager"))
                .await()
                .atMost(Duration.ofSeconds(20)))
        .isEqualTo(1);
  }

  private List<JsonNode> active(String ticket) throws Exception {
    List<JsonNode> alerts = new ArrayList<>();
    mapper.readTree(alertmanager.alerts("ticket=\"" + ticket + "\"")).forEach(alerts::add);
    return alerts;
  }

  private static SlaAlert alert(AlertKind kind, String ticket, Instant firedAt, Instant due) {
    return new SlaAlert(
        kind,
        new TicketId(ticket),
        new CustomerId("acme"),
        "jamf-gold",
        Priority.P1,
        ClockKind.FIRST_RESPONSE,
        1,
        Duration.ofHours(1),
        due,
        firedAt,
        kind == AlertKind.WARNING
            ? Optional.of(0.75)
            : kind == AlertKind.BREACHED ? Optional.of(1.0) : Optional.empty(),
        kind == AlertKind.MET ? Optional.of(firedAt) : Optional.empty(),
        kind == AlertKind.MET ? Optional.of(Duration.ofMinutes(70)) : Optional.empty());
  }

  private static HttpSettings http() {
    return new HttpSettings(
        Duration.ofSeconds(5),
        1,
        Duration.ofMillis(100),
        8,
        new HttpSettings.Breaker(100, 1.0, Duration.ofSeconds(1), 1),
        Map.of());
  }
}
