package io.slawatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import io.slawatch.testinfra.WebhookReceiver;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each vendor channel posts the payload shape its service documents. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class ChannelPayloadTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private TopicWriter writer;

  @BeforeEach
  void open() {
    writer =
        new TopicWriter(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
  }

  @AfterEach
  void close() {
    writer.close();
  }

  private static String alert(String ticket, String kind, String extra) {
    String id =
        ticket
            + "/first_response/1/sla."
            + kind
            + (kind.equals("met") || kind.equals("ended") ? "" : "/1.0");
    return """
        {"specversion":"1.0","id":"%1$s","source":"/slawatch/sla-timer","type":"sla.%2$s",
         "subject":"%3$s","time":"2026-11-24T10:00:00Z","datacontenttype":"application/json",
         "data":{"ticket":"%3$s","customer":"acme","plan":"jamf-gold","priority":"P1",
                 "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z"%4$s}}
        """
        .formatted(id, kind, ticket, extra);
  }

  private JsonNode one(WebhookReceiver receiver, String ticket) throws Exception {
    var calls = receiver.await(r -> r.body().contains(ticket), 1, Duration.ofSeconds(20));
    return mapper.readTree(calls.getLast().body());
  }

  @Test
  void a_breach_reaches_slack_teams_pagerduty_and_alertmanager_in_their_own_shapes()
      throws Exception {
    String ticket = "T-" + UUID.randomUUID();
    String url = "https://acme.zendesk.com/agent/tickets/" + ticket.hashCode();
    writer.send(
        Topics.SLA_ALERTS,
        ticket,
        alert(ticket, "breached", ",\"threshold\":1.0,\"ticket_url\":\"" + url + "\""));

    JsonNode slack = one(WebhookReceiverResource.slack, ticket);
    assertThat(slack.get("text").asText()).contains("SLA breached").contains(ticket);
    assertThat(slack.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(slack.at("/blocks/1/fields/0/text").asText()).isEqualTo("*Ticket*\n" + ticket);
    assertThat(slack.at("/blocks/1/fields").findValuesAsText("text"))
        .contains("*Ticket link*\n<" + url + "|" + ticket + ">");

    JsonNode teams = one(WebhookReceiverResource.teams, ticket);
    assertThat(teams.get("type").asText()).isEqualTo("message");
    assertThat(teams.at("/attachments/0/contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(teams.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
    assertThat(teams.at("/attachments/0/content/body/1/facts/0/value").asText()).isEqualTo(ticket);
    assertThat(teams.at("/attachments/0/content/actions/0/type").asText())
        .isEqualTo("Action.OpenUrl");
    assertThat(teams.at("/attachments/0/content/actions/0/url").asText()).isEqualTo(url);

    JsonNode pagerduty = one(WebhookReceiverResource.pagerduty, ticket);
    assertThat(pagerduty.get("routing_key").asText()).isEqualTo("R0UT1NGKEY");
    assertThat(pagerduty.get("event_action").asText()).isEqualTo("trigger");
    assertThat(pagerduty.get("dedup_key").asText())
        .isEqualTo("slawatch/" + ticket + "/first_response/1");
    assertThat(pagerduty.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(pagerduty.at("/payload/source").asText()).isEqualTo("slawatch");
    assertThat(pagerduty.at("/links/0/href").asText()).isEqualTo(url);
    assertThat(pagerduty.at("/links/0/text").asText()).isEqualTo("Ticket link");

    var amCalls =
        WebhookReceiverResource.alertmanager.await(
            r -> r.body().contains(ticket), 1, Duration.ofSeconds(20));
    assertThat(amCalls.getFirst().path()).isEqualTo("/api/v2/alerts");
    JsonNode am = mapper.readTree(amCalls.getFirst().body());
    assertThat(am.isArray()).isTrue();
    assertThat(am.at("/0/labels/alertname").asText()).isEqualTo("SlaCommitment");
    assertThat(am.at("/0/labels/ticket").asText()).isEqualTo(ticket);
    assertThat(am.at("/0/startsAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(am.at("/0/endsAt").isMissingNode()).isTrue();
    assertThat(am.at("/0/annotations/ticket_url").asText()).isEqualTo(url);
  }

  @Test
  void a_met_commitment_resolves_the_pagerduty_incident_and_ends_the_alertmanager_alert()
      throws Exception {
    String ticket = "T-" + UUID.randomUUID();
    writer.send(
        Topics.SLA_ALERTS,
        ticket,
        alert(ticket, "met", ",\"met_at\":\"2026-11-24T09:40:00Z\",\"elapsed\":\"PT40M\""));

    JsonNode pagerduty = one(WebhookReceiverResource.pagerduty, ticket);
    assertThat(pagerduty.get("event_action").asText()).isEqualTo("resolve");
    assertThat(pagerduty.get("dedup_key").asText())
        .isEqualTo("slawatch/" + ticket + "/first_response/1");
    JsonNode am = one(WebhookReceiverResource.alertmanager, ticket);
    assertThat(am.at("/0/endsAt").asText()).isNotEmpty();
  }

  @Test
  void a_breach_that_ends_late_resolves_pagerduty_and_follows_up_on_slack_and_teams()
      throws Exception {
    String ticket = "T-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, alert(ticket, "breached", ",\"threshold\":1.0"));
    one(WebhookReceiverResource.slack, ticket);
    one(WebhookReceiverResource.teams, ticket);
    one(WebhookReceiverResource.pagerduty, ticket);

    writer.send(
        Topics.SLA_ALERTS,
        ticket,
        alert(
            ticket,
            "ended",
            ",\"reason\":\"met_late\",\"met_at\":\"2026-11-24T11:10:00Z\",\"elapsed\":\"PT2H10M\","
                + "\"terms\":\"1 hour, 24x7\""));

    var pagerduty =
        WebhookReceiverResource.pagerduty.await(
            r -> r.body().contains(ticket) && r.body().contains("resolve"),
            1,
            Duration.ofSeconds(20));
    JsonNode resolve = mapper.readTree(pagerduty.getFirst().body());
    assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.get("dedup_key").asText())
        .isEqualTo("slawatch/" + ticket + "/first_response/1");

    var slack =
        WebhookReceiverResource.slack.await(
            r -> r.body().contains(ticket) && r.body().contains("SLA ended"),
            1,
            Duration.ofSeconds(20));
    JsonNode followUp = mapper.readTree(slack.getFirst().body());
    assertThat(followUp.get("text").asText())
        .isEqualTo(
            "SLA ended: first response on ticket " + ticket + " (P1, acme): met 1 h 10 min late");
    assertThat(followUp.at("/blocks/0/type").asText()).isEqualTo("section");

    var teams =
        WebhookReceiverResource.teams.await(
            r -> r.body().contains(ticket) && r.body().contains("SLA ended"),
            1,
            Duration.ofSeconds(20));
    JsonNode card = mapper.readTree(teams.getFirst().body());
    assertThat(card.at("/attachments/0/content/body/0/text").asText())
        .contains("met 1 h 10 min late")
        .contains(ticket);

    var alertmanager =
        WebhookReceiverResource.alertmanager.await(
            r -> r.body().contains(ticket) && r.body().contains("endsAt"),
            1,
            Duration.ofSeconds(20));
    assertThat(mapper.readTree(alertmanager.getFirst().body()))
        .extracting(a -> a.at("/labels/severity").asText())
        .containsExactlyInAnyOrder("warning", "critical");
  }
}
