package io.slawatch.intake.webhook.zammad;

import static io.slawatch.intake.webhook.spi.Fixtures.delivery;
import static io.slawatch.intake.webhook.spi.Fixtures.events;
import static io.slawatch.intake.webhook.spi.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import io.slawatch.intake.webhook.spi.Fixtures;
import io.slawatch.intake.webhook.spi.Payloads;
import io.slawatch.intake.webhook.spi.Signatures;
import io.slawatch.intake.webhook.spi.SourceSettings;
import io.slawatch.intake.webhook.spi.Verification;
import io.slawatch.intake.webhook.spi.WebhookHeaders;
import io.slawatch.intake.webhook.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Zammad's documented default trigger payload as canonical events. */
class ZammadAdapterTest {
  private static final ZammadAdapter ADAPTER = new ZammadAdapter();
  private static final SourceSettings SETTINGS = Fixtures.settings(ADAPTER, "acme-zm");
  private static final TicketId TICKET = new TicketId("zammad:acme-zm:10081");
  private static final Instant UPDATED = Instant.parse("2020-11-13T14:34:35.333Z");
  private static final Instant REPLIED = Instant.parse("2020-11-13T15:00:00Z");

  private static EventId id(String id) {
    return Fixtures.id("zammad", "acme-zm", id);
  }

  private static WebhookResult map(JsonNode payload) {
    return ADAPTER.map(delivery("zd-1"), payload, SETTINGS);
  }

  /** The fixture as a later delivery: a second article, by {@code sender}. */
  private static ObjectNode secondArticle(String sender, boolean internal) {
    ObjectNode payload = (ObjectNode) json("zammad", "zammad_webhook_default_ticket_article.json");
    ((ObjectNode) payload.get("ticket")).putArray("article_ids").add(104).add(105);
    ObjectNode article = (ObjectNode) payload.get("article");
    article.put("id", 105).put("sender", sender).put("internal", internal);
    article.put("created_at", REPLIED.toString());
    return payload;
  }

  @Test
  void the_tickets_first_article_is_its_creation_with_the_zammad_customer_as_requester() {
    assertThat(map(json("zammad", "zammad_webhook_default_ticket_article.json")))
        .isEqualTo(
            events(
                new TicketEvent.Created(
                    id("zd-1"),
                    TICKET,
                    Instant.parse("2020-11-13T14:34:35.282Z"),
                    new CustomerId("acme"),
                    Priority.P3,
                    Optional.of("jamf-gold"),
                    TicketStatus.OPEN,
                    "zammad",
                    "emily@example.com")));
    assertThat(
            ((TicketEvent.Created)
                    ((WebhookResult.Events)
                            map(json("zammad", "zammad_webhook_default_ticket_article.json")))
                        .events()
                        .getFirst())
                .url())
        .as("Zammad's default payload carries no ticket URL")
        .isEmpty();
  }

  @Test
  void a_later_article_is_a_reply_by_its_sender_restating_the_tickets_state_and_priority() {
    var restated =
        new TicketEvent[] {
          new TicketEvent.StatusChanged(id("zd-1/state"), TICKET, UPDATED, TicketStatus.OPEN),
          new TicketEvent.PriorityChanged(id("zd-1/priority"), TICKET, UPDATED, Priority.P3)
        };
    assertThat(map(secondArticle("Agent", false)))
        .isEqualTo(
            events(
                new TicketEvent.AgentReplied(id("zd-1/article"), TICKET, REPLIED, true),
                restated[0],
                restated[1]));
    assertThat(map(secondArticle("Agent", true)))
        .isEqualTo(
            events(
                new TicketEvent.AgentReplied(id("zd-1/article"), TICKET, REPLIED, false),
                restated[0],
                restated[1]));
    assertThat(map(secondArticle("Customer", false)))
        .isEqualTo(
            events(
                new TicketEvent.CustomerReplied(id("zd-1/article"), TICKET, REPLIED),
                restated[0],
                restated[1]));
    assertThat(map(secondArticle("System", false))).isEqualTo(events(restated));
  }

  @Test
  void without_an_article_the_delivery_is_the_tickets_state_and_priority_by_their_names() {
    ObjectNode payload = (ObjectNode) json("zammad", "zammad_webhook_default_ticket_article.json");
    payload.remove("article");
    ObjectNode ticket = (ObjectNode) payload.get("ticket");
    ticket.put("state", "pending reminder");
    ((ObjectNode) ticket.get("priority")).put("name", "3 high");
    assertThat(map(payload))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("zd-1/state"), TICKET, UPDATED, TicketStatus.PENDING),
                new TicketEvent.PriorityChanged(
                    id("zd-1/priority"), TICKET, UPDATED, Priority.P2)));

    ticket.put("state", "waiting for parts");
    assertThat(map(payload))
        .isEqualTo(
            Payloads.invalid(
                "ticket.state",
                "'waiting for parts' is not in the source's vocabulary: set"
                    + " slawatch.intake.webhooks.acme-zm.statuses.waiting-for-parts"));
  }

  // Derived: the fixture with ticket.tags added. Zammad's default payload carries the ticket's
  // tags as an array of texts (ticket.tags, the documented example predates them: the shape is
  // the ticket API's "tags" and is assumed here); it carries them all, not what was added.
  private static final SourceSettings TAGGED =
      Fixtures.milestoneTags(
          ADAPTER,
          "acme-zm",
          Map.of("replacement-shipped", "replacement_shipped", "open", "rca_delivered"));

  private static ObjectNode tagged(ObjectNode payload, String... tags) {
    var array = ((ObjectNode) payload.get("ticket")).putArray("tags");
    for (String tag : tags) {
      array.add(tag);
    }
    return payload;
  }

  @Test
  void a_mapped_tag_the_ticket_carries_marks_its_milestone_once_per_ticket_at_the_update_time() {
    TicketEvent.Milestone shipped =
        new TicketEvent.Milestone(
            id("milestone/10081/replacement_shipped"), TICKET, UPDATED, "replacement_shipped");
    var first =
        ADAPTER.map(
            delivery("zd-7"),
            tagged(secondArticle("System", false), "vip", "Replacement Shipped"),
            TAGGED);
    assertThat(first)
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(id("zd-7/state"), TICKET, UPDATED, TicketStatus.OPEN),
                new TicketEvent.PriorityChanged(id("zd-7/priority"), TICKET, UPDATED, Priority.P3),
                shipped));
    // a later delivery still carrying the tag makes the same event (same id): intake's log keeps
    // the first and answers this one as a duplicate
    var later =
        ADAPTER.map(
            delivery("zd-8"),
            tagged(secondArticle("Customer", false), "replacement-shipped"),
            TAGGED);
    assertThat(((WebhookResult.Events) later).events())
        .filteredOn(TicketEvent.Milestone.class::isInstance)
        .containsExactly(shipped);
  }

  @Test
  void the_creation_carrying_a_mapped_tag_marks_the_milestone_at_the_creation_time() {
    ObjectNode payload =
        tagged(
            (ObjectNode) json("zammad", "zammad_webhook_default_ticket_article.json"),
            "replacement-shipped");
    var events = ((WebhookResult.Events) ADAPTER.map(delivery("zd-1"), payload, TAGGED)).events();
    assertThat(events).hasSize(2);
    assertThat(events.getFirst()).isInstanceOf(TicketEvent.Created.class);
    assertThat(events.get(1))
        .isEqualTo(
            new TicketEvent.Milestone(
                id("milestone/10081/replacement_shipped"),
                TICKET,
                Instant.parse("2020-11-13T14:34:35.282Z"),
                "replacement_shipped"));
  }

  @Test
  void an_unmapped_tag_or_one_that_is_a_status_word_marks_no_milestone() {
    var result =
        ADAPTER.map(
            delivery("zd-9"), tagged(secondArticle("System", false), "vip", "open"), TAGGED);
    assertThat(((WebhookResult.Events) result).events())
        .noneMatch(TicketEvent.Milestone.class::isInstance)
        .hasSize(2);
  }

  @Test
  void the_signature_is_sha1_hex_hmac_of_the_body_in_x_hub_signature() {
    byte[] body = "{\"ticket\":{}}".getBytes(StandardCharsets.UTF_8);
    String good = "sha1=" + Signatures.hmacHex("HmacSHA1", "zammad-secret", body);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Hub-Signature", good), "zammad-secret", body))
        .isInstanceOf(Verification.Verified.class);
    assertThat(
            ADAPTER.verify(
                WebhookHeaders.of(
                    "X-Hub-Signature",
                    "sha256=" + Signatures.hmacHex("HmacSHA256", "zammad-secret", body)),
                "zammad-secret",
                body))
        .isEqualTo(new Verification.Mismatch("X-Hub-Signature"));
    assertThat(ADAPTER.deliveryId(WebhookHeaders.of("X-Zammad-Delivery", "abc"), body))
        .isEqualTo("abc");
  }
}
