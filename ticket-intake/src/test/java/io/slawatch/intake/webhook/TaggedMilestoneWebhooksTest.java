package io.slawatch.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.intake.Json;
import io.slawatch.intake.webhook.spi.Fixtures;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zendesk, Zammad and Freshdesk tags as milestones, over HTTP against the real broker and database
 * (sources {@code acme-zd}, {@code acme-zm}, {@code acme-fd} of the %test configuration map {@code
 * rca-delivered}, {@code replacement-shipped}, {@code defect-identified}): these helpdesks send the
 * ticket's tags with every delivery, so the first delivery carrying a mapped tag publishes the
 * milestone and every later one is a duplicate of it; an unmapped tag publishes none.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TaggedMilestoneWebhooksTest {
  private TopicProbe events;

  @BeforeEach
  void open() {
    events =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.TICKET_EVENTS);
  }

  @AfterEach
  void close() {
    events.close();
  }

  private static VendorWebhooksTest.Vendor vendor(String name) {
    return VendorWebhooksTest.vendors()
        .filter(v -> v.vendor().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode fixture(String vendor, String name) {
    return (ObjectNode) Fixtures.json(vendor, name);
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return Fixtures.MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Posts the body as a signed delivery, expecting {@code status} ({@code accepted}…). */
  private static void post(VendorWebhooksTest.Vendor vendor, byte[] body, String status) {
    vendor
        .post(body, vendor.signed(body, vendor.secret()), UUID.randomUUID().toString())
        .post(vendor.path())
        .then()
        .statusCode(status.equals("accepted") ? 202 : 200)
        .body("status", equalTo(status));
  }

  private static boolean milestoneOf(ConsumerRecord<String, String> record, String ticket) {
    return ticket.equals(record.key())
        && Json.tree(record.value()).path("type").asText().equals("ticket.milestone");
  }

  /** Exactly one milestone of the ticket was published: its id and name. */
  private void assertOneMilestone(String ticket, String id, String name) {
    var published = events.await(r -> milestoneOf(r, ticket), 1, Duration.ofSeconds(20));
    var event = Json.tree(published.getFirst().value());
    assertThat(event.path("id").asText()).isEqualTo(id);
    assertThat(event.path("data").path("name").asText()).isEqualTo(name);
    assertThat(events.during(r -> milestoneOf(r, ticket), Duration.ofSeconds(1))).hasSize(1);
  }

  private void assertNoMilestone(String ticket) {
    events.await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(events.during(r -> milestoneOf(r, ticket), Duration.ofSeconds(1))).isEmpty();
  }

  private static String number() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
  }

  /** A Zendesk event of ticket {@code key} carrying {@code tag} among the ticket's tags. */
  private static ObjectNode zendesk(String key, String type, String tag) {
    ObjectNode json =
        fixture("zendesk", "zendesk_event_ticket_comment_added_agent.thirdparty-dust.json");
    ObjectNode detail = (ObjectNode) json.get("detail");
    detail.put("id", key);
    ((ArrayNode) detail.get("tags")).add(tag);
    if (type.equals("ticket.tags_changed")) {
      json.put("type", "zen:event-type:ticket.tags_changed");
      ObjectNode event = json.putObject("event");
      event.putArray("tags_added").add(tag);
      event.putArray("tags_removed");
    }
    return json;
  }

  @Test
  void a_zendesk_tag_marks_its_milestone_once_and_every_later_event_carrying_it_is_a_duplicate() {
    var zendesk = vendor("zendesk");
    String key = number();
    String ticket = "zendesk:acme-zd:" + key;
    post(zendesk, bytes(zendesk(key, "ticket.tags_changed", "rca_delivered")), "accepted");
    post(zendesk, bytes(zendesk(key, "ticket.tags_changed", "rca_delivered")), "duplicate");
    // a comment still carrying the tag: the comment is new, the milestone is not
    post(zendesk, bytes(zendesk(key, "ticket.comment_added", "rca_delivered")), "accepted");
    assertOneMilestone(ticket, "milestone/" + key + "/rca_delivered", "rca_delivered");

    String other = number();
    post(zendesk, bytes(zendesk(other, "ticket.comment_added", "rca-pending")), "accepted");
    assertNoMilestone("zendesk:acme-zd:" + other);
  }

  /**
   * Zammad's payload for ticket {@code number}, the tags added; the creation when {@code first}.
   */
  private static ObjectNode zammad(String number, boolean first, String tag) {
    ObjectNode json = fixture("zammad", "zammad_webhook_default_ticket_article.json");
    ObjectNode ticket = (ObjectNode) json.get("ticket");
    ticket.put("number", number);
    ticket.putArray("tags").add("vip").add(tag);
    if (!first) {
      json.remove("article");
    }
    return json;
  }

  @Test
  void a_zammad_tag_marks_its_milestone_once_however_many_deliveries_carry_it() {
    var zammad = vendor("zammad");
    String number = number();
    post(zammad, bytes(zammad(number, true, "Replacement Shipped")), "accepted");
    // later deliveries restate state and priority (new events) and still carry the tag
    post(zammad, bytes(zammad(number, false, "Replacement Shipped")), "accepted");
    post(zammad, bytes(zammad(number, false, "replacement-shipped")), "accepted");
    assertOneMilestone(
        "zammad:acme-zm:" + number,
        "milestone/" + number + "/replacement_shipped",
        "replacement_shipped");

    String other = number();
    post(zammad, bytes(zammad(other, true, "shipped")), "accepted");
    assertNoMilestone("zammad:acme-zm:" + other);
  }

  /** Freshdesk's body for ticket {@code id} with {@code "ticket_tags": "{{ticket.tags}}"}. */
  private static ObjectNode freshdesk(String fixture, String id, String event, String tags) {
    ObjectNode json = fixture("freshdesk", fixture);
    ObjectNode hook = (ObjectNode) json.get("freshdesk_webhook");
    hook.put("ticket_id", id).put("ticket_tags", tags);
    if (event != null) {
      hook.put("triggered_event", event);
    }
    return json;
  }

  @Test
  void a_freshdesk_tag_marks_its_milestone_once_and_a_rule_firing_again_on_it_is_a_duplicate() {
    var freshdesk = vendor("freshdesk");
    String id = number();
    post(
        freshdesk,
        bytes(freshdesk("freshdesk_ticket_created.json", id, null, "rma, Defect Identified")),
        "accepted");
    // a rule on the tag alone ("ticket updated"), fired again by a later update
    post(
        freshdesk,
        bytes(
            freshdesk(
                "freshdesk_ticket_created.json",
                id,
                "{ticket_action:updated}",
                "defect-identified, rma")),
        "duplicate");
    post(
        freshdesk,
        bytes(freshdesk("freshdesk_public_note_added.json", id, null, "defect-identified")),
        "accepted");
    assertOneMilestone(
        "freshdesk:acme-fd:" + id,
        "milestone/" + id + "/hardware_defect_identified",
        "hardware_defect_identified");

    String other = number();
    post(
        freshdesk,
        bytes(freshdesk("freshdesk_ticket_created.json", other, null, "rma, defect")),
        "accepted");
    assertNoMilestone("freshdesk:acme-fd:" + other);
  }
}
