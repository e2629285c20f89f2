package io.slawatch.intake.webhook.freshdesk;

import static io.slawatch.intake.webhook.spi.Fixtures.RECEIVED;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every Freshdesk fixture (Zulip's documented body) as canonical events. */
class FreshdeskAdapterTest {
  private static final FreshdeskAdapter ADAPTER = new FreshdeskAdapter();
  private static final SourceSettings SETTINGS = Fixtures.settings(ADAPTER, "acme-fd");
  private static final EventId ID = Fixtures.id("freshdesk", "acme-fd", "digest");
  private static final TicketId TICKET = new TicketId("freshdesk:acme-fd:11");

  private static WebhookResult map(JsonNode payload) {
    return ADAPTER.map(delivery("digest"), payload, SETTINGS);
  }

  private static WebhookResult map(String fixture) {
    return map(json("freshdesk", fixture));
  }

  @Test
  void a_created_ticket_takes_its_priority_and_status_words_at_the_time_it_was_received() {
    assertThat(map("freshdesk_ticket_created.json"))
        .isEqualTo(
            events(
                new TicketEvent.Created(
                    ID,
                    TICKET,
                    RECEIVED,
                    new CustomerId("acme"),
                    Priority.P2,
                    Optional.of("jamf-gold"),
                    TicketStatus.PENDING,
                    "freshdesk",
                    "requester-bob@example.com",
                    java.util.Set.of(),
                    Optional.of(
                        URI.create("http://test1234zzz.freshdesk.com/helpdesk/tickets/11")))));
  }

  @Test
  void status_6_waiting_on_customer_is_pending_and_priority_1_is_p4() {
    assertThat(map("freshdesk_status_changed.json"))
        .isEqualTo(
            events(new TicketEvent.StatusChanged(ID, TICKET, RECEIVED, TicketStatus.PENDING)));
    assertThat(map("freshdesk_priority_changed.json"))
        .isEqualTo(events(new TicketEvent.PriorityChanged(ID, TICKET, RECEIVED, Priority.P4)));
  }

  @Test
  void a_public_note_is_an_agents_public_reply_a_private_one_a_note_a_requesters_the_customer() {
    assertThat(map("freshdesk_public_note_added.json"))
        .isEqualTo(events(new TicketEvent.AgentReplied(ID, TICKET, RECEIVED, true)));

    ObjectNode payload = (ObjectNode) json("freshdesk", "freshdesk_public_note_added.json");
    ObjectNode hook = (ObjectNode) payload.get("freshdesk_webhook");
    hook.put("triggered_event", "{note_type:private}");
    assertThat(map(payload))
        .isEqualTo(events(new TicketEvent.AgentReplied(ID, TICKET, RECEIVED, false)));

    hook.put("triggered_event", "{note_type:public}").put("performer", "requester");
    assertThat(map(payload))
        .isEqualTo(events(new TicketEvent.CustomerReplied(ID, TICKET, RECEIVED)));
  }

  @Test
  void an_unknown_status_number_names_the_key_to_set() {
    ObjectNode payload = (ObjectNode) json("freshdesk", "freshdesk_status_changed.json");
    ((ObjectNode) payload.get("freshdesk_webhook"))
        .put("triggered_event", "{status:{from:4,to:9}}");
    assertThat(map(payload))
        .isEqualTo(
            Payloads.invalid(
                "freshdesk_webhook.triggered_event",
                "'9' is not in the source's vocabulary: set"
                    + " slawatch.intake.webhooks.acme-fd.statuses.9"));
  }

  // Derived: the fixtures with "ticket_tags": "{{ticket.tags}}" added to the rule's body, which
  // Freshdesk renders as the ticket's tags separated by commas (all of them, not what was added).
  private static final SourceSettings TAGGED =
      Fixtures.milestoneTags(
          ADAPTER, "acme-fd", Map.of("defect-identified", "hardware_defect_identified"));

  private static WebhookResult tagged(String fixture, String tags) {
    ObjectNode payload = (ObjectNode) json("freshdesk", fixture);
    ((ObjectNode) payload.get("freshdesk_webhook")).put("ticket_tags", tags);
    return ADAPTER.map(delivery("digest"), payload, TAGGED);
  }

  @Test
  void a_mapped_tag_marks_its_milestone_with_an_id_fixed_by_ticket_and_milestone() {
    TicketEvent.Milestone identified =
        new TicketEvent.Milestone(
            Fixtures.id("freshdesk", "acme-fd", "milestone/11/hardware_defect_identified"),
            TICKET,
            RECEIVED,
            "hardware_defect_identified");
    assertThat(tagged("freshdesk_public_note_added.json", "rma, Defect Identified"))
        .isEqualTo(events(new TicketEvent.AgentReplied(ID, TICKET, RECEIVED, true), identified));
    // every later delivery of the ticket carries the tag: the same event, a duplicate in the log
    assertThat(tagged("freshdesk_status_changed.json", "Defect Identified,rma"))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(ID, TICKET, RECEIVED, TicketStatus.PENDING),
                identified));
    // a rule that fires on the tag alone (nothing else an SLA clock depends on) means the milestone
    ObjectNode payload = (ObjectNode) json("freshdesk", "freshdesk_public_note_added.json");
    ((ObjectNode) payload.get("freshdesk_webhook"))
        .put("triggered_event", "{ticket_action:updated}")
        .putArray("tags")
        .add("defect-identified");
    assertThat(ADAPTER.map(delivery("digest"), payload, TAGGED)).isEqualTo(events(identified));
  }

  @Test
  void an_unmapped_tag_marks_no_milestone() {
    assertThat(tagged("freshdesk_public_note_added.json", "rma, defect"))
        .isEqualTo(events(new TicketEvent.AgentReplied(ID, TICKET, RECEIVED, true)));
  }

  @Test
  void the_shared_secret_comes_in_x_slawatch_token_or_as_the_basic_auth_password() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Slawatch-Token", "tok"), "tok", body))
        .isInstanceOf(Verification.Verified.class);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Slawatch-Token", "nope"), "tok", body))
        .isEqualTo(new Verification.Mismatch("X-Slawatch-Token"));
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("freshdesk:tok".getBytes(StandardCharsets.UTF_8));
    assertThat(ADAPTER.verify(WebhookHeaders.of("Authorization", basic), "tok", body))
        .isInstanceOf(Verification.Verified.class);
    assertThat(ADAPTER.verify(WebhookHeaders.of(), "tok", body))
        .isEqualTo(new Verification.Missing("X-Slawatch-Token"));
    assertThat(ADAPTER.deliveryId(WebhookHeaders.of(), body)).isEqualTo(Signatures.sha256(body));
  }
}
