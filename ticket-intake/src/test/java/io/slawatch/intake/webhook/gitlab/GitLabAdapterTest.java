package io.slawatch.intake.webhook.gitlab;

import static io.slawatch.intake.webhook.spi.Fixtures.delivery;
import static io.slawatch.intake.webhook.spi.Fixtures.events;
import static io.slawatch.intake.webhook.spi.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import io.slawatch.intake.webhook.spi.Fixtures;
import io.slawatch.intake.webhook.spi.SourceSettings;
import io.slawatch.intake.webhook.spi.Verification;
import io.slawatch.intake.webhook.spi.WebhookHeaders;
import io.slawatch.intake.webhook.spi.WebhookResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GitLab's Issue Hook fixture (Zulip's capture from gitlab.com) as canonical events. */
class GitLabAdapterTest {
  private static final GitLabAdapter ADAPTER = new GitLabAdapter();
  private static final SourceSettings SETTINGS = Fixtures.settings(ADAPTER, "acme-gl");
  private static final EventId ID = Fixtures.id("gitlab", "acme-gl", "gl-1");
  private static final TicketId TICKET =
      new TicketId("gitlab:acme-gl:tomaszkolek0/my-awesome-project#1");

  private static WebhookResult map(JsonNode payload) {
    return ADAPTER.map(delivery("gl-1"), payload, SETTINGS);
  }

  @Test
  void a_closed_issue_is_solved_at_its_update_time() {
    assertThat(map(json("gitlab", "gitlab_issue_closed.json")))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    ID, TICKET, Instant.parse("2016-08-18T18:14:13Z"), TicketStatus.SOLVED)));
  }

  @Test
  void a_label_the_source_maps_to_a_milestone_marks_it_when_added() {
    SourceSettings settings =
        SourceSettings.resolve(
            ADAPTER,
            "acme-gl",
            "acme",
            Optional.of("opswat-gold"),
            "P3",
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of("Replacement Shipped", "replacement_shipped"));
    ObjectNode payload = (ObjectNode) json("gitlab", "gitlab_issue_closed.json");
    ((ObjectNode) payload.get("object_attributes")).put("action", "update");
    ObjectNode labels = payload.putObject("changes").putObject("labels");
    labels.putArray("previous").addObject().put("title", "bug");
    ArrayNode current = labels.putArray("current");
    current.addObject().put("title", "bug");
    current.addObject().put("title", "replacement shipped");

    assertThat(ADAPTER.map(delivery("gl-1"), payload, settings))
        .isEqualTo(
            events(
                new TicketEvent.Milestone(
                    ID, TICKET, Instant.parse("2016-08-18T18:14:13Z"), "replacement_shipped")));
    assertThat(ADAPTER.map(delivery("gl-1"), payload, SETTINGS))
        .as("a source without the mapping")
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void an_opened_issue_is_a_ticket_with_a_priority_label() {
    ObjectNode payload = (ObjectNode) json("gitlab", "gitlab_issue_closed.json");
    ObjectNode attributes = (ObjectNode) payload.get("object_attributes");
    attributes.put("action", "open").put("state", "opened");
    payload.putArray("labels").addObject().put("title", "P1");
    assertThat(map(payload))
        .isEqualTo(
            events(
                new TicketEvent.Created(
                    ID,
                    TICKET,
                    Instant.parse("2016-08-18T17:47:36Z"),
                    new CustomerId("acme"),
                    Priority.P1,
                    Optional.of("jamf-gold"),
                    TicketStatus.NEW,
                    "gitlab",
                    "tomaszkolek0",
                    java.util.Set.of(),
                    Optional.of(
                        URI.create(
                            "https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1")))));
  }

  @Test
  void a_note_by_the_issues_author_is_the_customer_by_anyone_else_an_agent_internal_a_note() {
    // A Note Hook built from the fixture's issue (no GitLab note fixture was obtained).
    ObjectNode issue = (ObjectNode) json("gitlab", "gitlab_issue_closed.json");
    ObjectNode note = Fixtures.MAPPER.createObjectNode();
    note.put("object_kind", "note");
    note.set("project", issue.get("project"));
    note.set("issue", issue.get("object_attributes"));
    ObjectNode attributes = note.putObject("object_attributes");
    attributes.put("noteable_type", "Issue").put("author_id", 670043);
    attributes.put("created_at", "2016-08-18 18:20:00 UTC");
    Instant at = Instant.parse("2016-08-18T18:20:00Z");

    assertThat(map(note)).isEqualTo(events(new TicketEvent.CustomerReplied(ID, TICKET, at)));
    attributes.put("author_id", 1);
    assertThat(map(note)).isEqualTo(events(new TicketEvent.AgentReplied(ID, TICKET, at, true)));
    attributes.put("internal", true);
    assertThat(map(note)).isEqualTo(events(new TicketEvent.AgentReplied(ID, TICKET, at, false)));
  }

  @Test
  void the_token_is_compared_whole_and_the_idempotency_key_identifies_the_delivery() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Gitlab-Token", "t0ken"), "t0ken", body))
        .isInstanceOf(Verification.Verified.class);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Gitlab-Token", "t0ke"), "t0ken", body))
        .isEqualTo(new Verification.Mismatch("X-Gitlab-Token"));
    assertThat(ADAPTER.verify(WebhookHeaders.of(), "t0ken", body))
        .isEqualTo(new Verification.Missing("X-Gitlab-Token"));
    assertThat(
            ADAPTER.deliveryId(
                WebhookHeaders.of("Idempotency-Key", "k-1", "X-Gitlab-Event-UUID", "u-1"), body))
        .isEqualTo("k-1");
    assertThat(ADAPTER.deliveryId(WebhookHeaders.of("X-Gitlab-Event-UUID", "u-1"), body))
        .isEqualTo("u-1");
  }
}
