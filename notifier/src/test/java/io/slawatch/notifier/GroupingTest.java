package io.slawatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import io.slawatch.testinfra.WebhookReceiver;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grouping, with the test policy file's grp-* plans: alerts of one customer, clock and level within
 * a 4-second window page once per target (one Slack message listing them, one PagerDuty incident,
 * one webhook batch, one Teams card, one Alertmanager POST, one e-mail), a P1 breach (window 0)
 * goes out at once, and each member keeps its own escalation, acknowledgement and delivery record.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
@QuarkusTestResource(MailServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject Pool pool;
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

  private static String breach(String ticket, String customer, String plan, String priority) {
    return """
        {"specversion":"1.0","id":"%1$s/first_response/1/sla.breached/1.0","source":"/slawatch/sla-timer",
         "type":"sla.breached","subject":"%1$s","time":"%2$s","datacontenttype":"application/json",
         "data":{"ticket":"%1$s","customer":"%3$s","plan":"%4$s","priority":"%5$s",
                 "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z",
                 "threshold":1.0}}
        """
        .formatted(ticket, Instant.now(), customer, plan, priority);
  }

  private static String breachId(String ticket) {
    return ticket + "/first_response/1/sla.breached/1.0";
  }

  private static JsonPath history(String alertId) {
    return given().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
  }

  private static List<Map<String, Object>> events(String alertId, String event) {
    return history(alertId).getList("history.findAll { it.event == '" + event + "' }");
  }

  private static List<WebhookReceiver.Request> about(WebhookReceiver receiver, String customer) {
    return receiver.received().stream().filter(r -> r.body().contains(customer)).toList();
  }

  private static List<MimeMessage> mailsAbout(String customer) {
    return Arrays.stream(MailServerResource.smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject().contains(customer);
              } catch (MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  private static JsonNode json(WebhookReceiver.Request request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Test
  @Order(3) // after the others: on a cold start Kafka may hand partitions over seconds apart
  void fifty_breaches_of_one_customer_page_once_per_target_and_an_ack_holds_only_its_own()
      throws Exception {
    String customer = "grp" + UUID.randomUUID().toString().substring(0, 8);
    List<String> tickets = IntStream.rangeClosed(1, 50).mapToObj(i -> customer + "-T" + i).toList();
    tickets.forEach(t -> writer.send(Topics.SLA_ALERTS, t, breach(t, customer, "grp-gold", "P2")));

    // Slack: one message for the 50, its summary line naming them all
    WebhookReceiver.Request slack =
        WebhookReceiverResource.slack
            .await(r -> r.body().contains(customer), 1, Duration.ofSeconds(30))
            .get(0);
    String text = json(slack).get("text").asText();
    assertThat(text).startsWith("50 tickets of " + customer + " breached first response: ");
    assertThat(text.substring(text.indexOf(": ") + 2).split(", "))
        .containsExactlyInAnyOrderElementsOf(tickets);
    // PagerDuty: one incident for the group key
    WebhookReceiver.Request page =
        WebhookReceiverResource.pagerduty
            .await(r -> r.body().contains(customer), 1, Duration.ofSeconds(10))
            .get(0);
    assertThat(json(page).get("dedup_key").asText())
        .isEqualTo("slawatch/group/customer=" + customer + ",clock=first_response,level=1");
    assertThat(json(page).at("/payload/custom_details/count").asInt()).isEqualTo(50);
    // the webhook: one CloudEvents batch of the 50 alerts, keyed by the group
    WebhookReceiver.Request batch =
        WebhookReceiverResource.receiver
            .await(r -> r.body().contains(customer), 1, Duration.ofSeconds(10))
            .get(0);
    assertThat(batch.header("Content-Type")).startsWith("application/cloudevents-batch+json");
    assertThat(json(batch).size()).isEqualTo(50);
    assertThat(batch.header("Idempotency-Key")).contains("grouped").contains(customer);
    // Teams: one card; Alertmanager: one POST of the 50 alerts; e-mail: one mail
    WebhookReceiver.Request card =
        WebhookReceiverResource.teams
            .await(r -> r.body().contains(customer), 1, Duration.ofSeconds(10))
            .get(0);
    assertThat(json(card).at("/attachments/0/content/body/0/text").asText())
        .isEqualTo("50 tickets of " + customer + " breached first response");
    WebhookReceiver.Request alerts =
        WebhookReceiverResource.alertmanager
            .await(r -> r.body().contains(customer), 1, Duration.ofSeconds(10))
            .get(0);
    assertThat(json(alerts).size()).isEqualTo(50);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(customer).size() == 1);
    MimeMessage mail = mailsAbout(customer).get(0);
    assertThat(mail.getSubject())
        .endsWith("50 tickets of " + customer + " breached first response");
    assertThat(mail.getHeader("X-Slawatch-Group")[0]).contains(customer);
    assertThat(GreenMailUtil.getBody(mail)).contains(tickets.get(49));

    // acknowledge one member: only it stops; the others reach level 2, one message for the 49
    String acked = breachId(tickets.get(6));
    given().post("/api/v1/alerts/" + acked + "/ack").then().statusCode(200);
    WebhookReceiver.Request second =
        WebhookReceiverResource.slack
            .await(r -> r.body().contains(customer), 2, Duration.ofSeconds(30))
            .get(1);
    String secondText = json(second).get("text").asText();
    assertThat(secondText).startsWith("49 tickets of " + customer + " breached first response: ");
    assertThat(secondText).doesNotContain(tickets.get(6) + ",").doesNotEndWith(tickets.get(6));
    assertThat(json(second).toString()).contains("Escalation level");

    // once per target: nothing more came for the customer
    assertThat(about(WebhookReceiverResource.slack, customer)).hasSize(2);
    assertThat(about(WebhookReceiverResource.pagerduty, customer)).hasSize(1);
    assertThat(about(WebhookReceiverResource.receiver, customer)).hasSize(1);
    assertThat(about(WebhookReceiverResource.teams, customer)).hasSize(1);
    assertThat(about(WebhookReceiverResource.alertmanager, customer)).hasSize(1);
    assertThat(mailsAbout(customer)).hasSize(1);
    // each member has its own records
    List<Long> joinToSlack = new java.util.ArrayList<>();
    for (String ticket : tickets) {
      String id = breachId(ticket);
      assertThat(events(id, "grouped")).isNotEmpty();
      joinToSlack.add(
          Duration.between(
                  Instant.parse((String) events(id, "grouped").get(0).get("at")),
                  events(id, "delivered").stream()
                      .filter(d -> "group-slack".equals(d.get("target")))
                      .map(d -> Instant.parse((String) d.get("at")))
                      .min(Instant::compareTo)
                      .orElseThrow())
              .toMillis());
      assertThat(events(id, "delivered"))
          .filteredOn(d -> Integer.valueOf(1).equals(d.get("level")))
          .extracting(d -> d.get("target"))
          .containsExactlyInAnyOrder(
              "group-slack", "group-pager", "group-hook", "group-teams", "group-am", "group-mail");
    }
    // a figure, not a timed assertion: how long after joining its group each member was delivered
    System.out.printf(
        "grouping: 50 members joined -> delivered to Slack in %d..%d ms (window 4 s)%n",
        java.util.Collections.min(joinToSlack), java.util.Collections.max(joinToSlack));
    assertThat(history(acked).getString("state")).isEqualTo("acknowledged");
    assertThat(events(acked, "delivered")).extracting(d -> d.get("level")).containsOnly(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(events(breachId(tickets.get(0)), "delivered"))
                    .extracting(d -> d.get("level"))
                    .contains(2));
  }

  @Test
  @Order(2)
  void a_p1_breach_under_a_zero_window_goes_out_at_once_on_its_own() throws Exception {
    String customer = "grp" + UUID.randomUUID().toString().substring(0, 8);
    String ticket = customer + "-P1";
    writer.send(Topics.SLA_ALERTS, ticket, breach(ticket, customer, "grp-gold", "P1"));

    WebhookReceiver.Request slack =
        WebhookReceiverResource.slack
            .await(r -> r.body().contains(ticket), 1, Duration.ofSeconds(30))
            .get(0);
    assertThat(json(slack).get("text").asText())
        .isEqualTo(
            "SLA breached: first response overdue on ticket " + ticket + " (P1, " + customer + ")");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(events(breachId(ticket), "delivered")).hasSize(1));
    assertThat(events(breachId(ticket), "grouped")).isEmpty();
  }

  @Test
  @Order(1)
  void a_group_claimed_by_an_instance_that_died_is_sent_once_by_another_after_its_lease()
      throws Exception {
    String customer = "grp" + UUID.randomUUID().toString().substring(0, 8);
    List<String> tickets = List.of(customer + "-A", customer + "-B", customer + "-C");
    tickets.forEach(
        t -> writer.send(Topics.SLA_ALERTS, t, breach(t, customer, "grpslow-gold", "P2")));
    // (the window opens when the first joins: however long Kafka takes to hand them over)
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> tickets.stream().allMatch(t -> !events(breachId(t), "grouped").isEmpty()));

    // another instance claims the group (its one-hour window still open), then dies
    int claimed =
        pool.preparedQuery(
                "update notification_group set state = 'sending', claimed_by = 'gone/1/dead',"
                    + " lease_until = now() + interval '3 seconds'"
                    + " where state = 'open' and group_key = $1")
            .execute(Tuple.of("customer=" + customer + ",clock=first_response,level=1"))
            .await()
            .atMost(Duration.ofSeconds(5))
            .rowCount();
    assertThat(claimed).isEqualTo(1);

    // while its lease runs nobody else sends it; then this instance does, once, for all three
    Awaitility.await()
        .during(Duration.ofMillis(2500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> about(WebhookReceiverResource.slack, customer).isEmpty());
    WebhookReceiver.Request slack =
        WebhookReceiverResource.slack
            .await(r -> r.body().contains(customer), 1, Duration.ofSeconds(10))
            .get(0);
    assertThat(json(slack).get("text").asText())
        .startsWith("3 tickets of " + customer + " breached first response: ")
        .contains(tickets);
    Awaitility.await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> about(WebhookReceiverResource.slack, customer).size() == 1);
    for (String ticket : tickets) {
      assertThat(events(breachId(ticket), "delivered")).hasSize(1);
    }
  }

  private static String met(String ticket, String customer) {
    return """
        {"specversion":"1.0","id":"%1$s/first_response/1/sla.met","source":"/slawatch/sla-timer",
         "type":"sla.met","subject":"%1$s","time":"%2$s","datacontenttype":"application/json",
         "data":{"ticket":"%1$s","customer":"%3$s","plan":"grp-gold","priority":"P2",
                 "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z",
                 "met_at":"%2$s"}}
        """
        .formatted(ticket, Instant.now(), customer);
  }

  private static List<JsonNode> pages(String dedupKey, String action) throws Exception {
    List<JsonNode> found = new java.util.ArrayList<>();
    for (WebhookReceiver.Request r : WebhookReceiverResource.pagerduty.received()) {
      JsonNode event = json(r);
      if (event.path("dedup_key").asText().equals(dedupKey)
          && event.path("event_action").asText().equals(action)) {
        found.add(event);
      }
    }
    return found;
  }

  @Test
  @Order(4)
  void a_grouped_pagerduty_incident_is_resolved_once_the_clock_of_every_alert_it_carried_closed()
      throws Exception {
    String customer = "pdr" + UUID.randomUUID().toString().substring(0, 8);
    List<String> tickets = IntStream.rangeClosed(1, 3).mapToObj(i -> customer + "-T" + i).toList();
    tickets.forEach(t -> writer.send(Topics.SLA_ALERTS, t, breach(t, customer, "grp-gold", "P2")));
    String incident = "slawatch/group/customer=" + customer + ",clock=first_response,level=1";
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pages(incident, "trigger").size() == 1);

    // two of the three met: each hears of it, the group's incident stays open
    for (String ticket : tickets.subList(0, 2)) {
      writer.send(Topics.SLA_ALERTS, ticket, met(ticket, customer));
    }
    for (String ticket : tickets.subList(0, 2)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !pages("slawatch/" + ticket + "/first_response/1", "resolve").isEmpty());
    }
    assertThat(pages(incident, "resolve")).as("one member's clock is still open").isEmpty();

    // the last one met: the incident is resolved, once
    writer.send(Topics.SLA_ALERTS, tickets.get(2), met(tickets.get(2), customer));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pages(incident, "resolve").size() == 1);
    assertThat(pages(incident, "resolve").get(0).path("routing_key").asText()).isNotBlank();
  }
}
