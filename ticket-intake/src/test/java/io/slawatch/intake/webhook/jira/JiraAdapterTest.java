package io.slawatch.intake.webhook.jira;

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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every Jira Cloud and Server fixture (Mattermost's captures) as canonical events or a reason. */
class JiraAdapterTest {
  private static final JiraAdapter ADAPTER = new JiraAdapter();
  private static final SourceSettings SETTINGS = Fixtures.settings(ADAPTER, "acme-jira");
  private static final TicketId TES_41 = new TicketId("jira:acme-jira:TES-41");
  private static final TicketId TES_4 = new TicketId("jira:acme-jira:TES-4");

  private static EventId id(String id) {
    return Fixtures.id("jira", "acme-jira", id);
  }

  private static WebhookResult map(JsonNode payload) {
    return ADAPTER.map(delivery("wh-1"), payload, SETTINGS);
  }

  private static WebhookResult map(String fixture) {
    return map(json("jira", fixture));
  }

  @Test
  void a_created_issue_is_a_ticket_with_its_priority_status_and_reporter() {
    assertThat(map("jira_cloud_issue_created.json"))
        .isEqualTo(
            events(
                new TicketEvent.Created(
                    id("wh-1"),
                    TES_41,
                    Instant.parse("2019-02-16T03:01:52.971Z"),
                    new CustomerId("acme"),
                    Priority.P2,
                    Optional.of("jamf-gold"),
                    TicketStatus.OPEN,
                    "jira",
                    "5c5f880629be9642ba529340",
                    java.util.Set.of(),
                    Optional.of(
                        URI.create("https://some-instance-test.atlassian.net/browse/TES-41")))));
  }

  @Test
  void the_issues_page_is_built_from_its_self_url_keeping_port_and_context_path() {
    // Jira Server's self URL (jira_server_issue_updated_closed.json) on the created fixture
    assertThat(
            createdUrl(
                "http://some-instance-test.centralus.cloudapp.azure.com:8080/rest/api/2/issue/10300"))
        .contains(
            URI.create(
                "http://some-instance-test.centralus.cloudapp.azure.com:8080/browse/TES-41"));
    assertThat(createdUrl("https://jira.acme.example/jira/rest/api/2/issue/10300"))
        .contains(URI.create("https://jira.acme.example/jira/browse/TES-41"));
    assertThat(createdUrl("not a url")).as("not derivable").isEmpty();
    assertThat(createdUrl(null)).as("no self").isEmpty();
  }

  private static Optional<URI> createdUrl(String self) {
    ObjectNode payload = (ObjectNode) json("jira", "jira_cloud_issue_created.json");
    ObjectNode issue = (ObjectNode) payload.get("issue");
    if (self == null) {
      issue.remove("self");
    } else {
      issue.put("self", self);
    }
    return ((TicketEvent.Created) ((WebhookResult.Events) map(payload)).events().getFirst()).url();
  }

  @Test
  void status_changes_in_the_changelog_map_through_the_status_vocabulary() {
    assertThat(map("jira_cloud_issue_updated_status_in_progress.json"))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("wh-1/status"),
                    TES_41,
                    Instant.ofEpochMilli(1550286862039L),
                    TicketStatus.OPEN)));
    assertThat(map("jira_cloud_issue_updated_resolved.json"))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("wh-1/status"),
                    TES_41,
                    Instant.ofEpochMilli(1550286940507L),
                    TicketStatus.SOLVED)));
    assertThat(map("jira_cloud_issue_updated_reopened.json"))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("wh-1/status"),
                    TES_41,
                    Instant.ofEpochMilli(1550287026531L),
                    TicketStatus.OPEN)));
    assertThat(map("jira_server_issue_updated_resolved.json"))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("wh-1/status"),
                    TES_4,
                    Instant.ofEpochMilli(1565652182025L),
                    TicketStatus.SOLVED)));
    assertThat(map("jira_server_issue_updated_closed.json"))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("wh-1/status"),
                    TES_4,
                    Instant.ofEpochMilli(1565752078358L),
                    TicketStatus.CLOSED)));
  }

  @Test
  void a_raised_priority_is_a_priority_change() {
    assertThat(map("jira_cloud_issue_updated_priority_raised.json"))
        .isEqualTo(
            events(
                new TicketEvent.PriorityChanged(
                    id("wh-1/priority"),
                    TES_41,
                    Instant.ofEpochMilli(1550351716080L),
                    Priority.P2)));
  }

  @Test
  void a_label_the_source_maps_to_a_milestone_marks_it_when_added() {
    SourceSettings settings =
        SourceSettings.resolve(
            ADAPTER,
            "acme-jira",
            "acme",
            Optional.of("opswat-gold"),
            "P3",
            Map.of(),
            Map.of(),
            Map.of("hw-defect", "hardware_defect_identified", "shipped", "replacement_shipped"));
    com.fasterxml.jackson.databind.node.ObjectNode payload =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json("jira", "jira_cloud_issue_updated_priority_raised.json");
    com.fasterxml.jackson.databind.node.ArrayNode items =
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("changelog"))
            .putArray("items");
    // "shipped" was there already: only the label added marks a milestone
    items
        .addObject()
        .put("field", "labels")
        .put("fromString", "customer-x shipped")
        .put("toString", "customer-x hw-defect shipped");

    assertThat(ADAPTER.map(delivery("wh-1"), payload, settings))
        .isEqualTo(
            events(
                new TicketEvent.Milestone(
                    id("wh-1/labels/hardware_defect_identified"),
                    TES_41,
                    Instant.ofEpochMilli(1550351716080L),
                    "hardware_defect_identified")));
    assertThat(ADAPTER.map(delivery("wh-1"), payload, SETTINGS))
        .as("a source without the mapping")
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void waiting_for_customer_pauses_and_an_unknown_status_falls_back_to_its_category() {
    ObjectNode payload =
        (ObjectNode) json("jira", "jira_cloud_issue_updated_status_in_progress.json");
    ObjectNode item = (ObjectNode) payload.path("changelog").path("items").get(0);
    Instant at = Instant.ofEpochMilli(1550286862039L);

    item.put("toString", "Waiting for customer");
    assertThat(map(payload))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(
                    id("wh-1/status"), TES_41, at, TicketStatus.PENDING)));

    // the issue's current status is "In Progress", category key "indeterminate"
    item.put("toString", "Triage");
    ((ObjectNode) payload.path("issue").path("fields").path("status")).put("name", "Triage");
    assertThat(map(payload))
        .isEqualTo(
            events(
                new TicketEvent.StatusChanged(id("wh-1/status"), TES_41, at, TicketStatus.OPEN)));

    ((ObjectNode) payload.path("issue").path("fields").path("status")).put("name", "Other");
    assertThat(map(payload))
        .isEqualTo(
            Payloads.invalid(
                "changelog.items[0].toString",
                "'Triage' is not in the source's vocabulary: set"
                    + " slawatch.intake.webhooks.acme-jira.statuses.triage"));
    var configured = Fixtures.settings(ADAPTER, "acme-jira", Map.of(), Map.of("Triage", "NEW"));
    assertThat(ADAPTER.map(delivery("wh-1"), payload, configured))
        .isEqualTo(
            events(new TicketEvent.StatusChanged(id("wh-1/status"), TES_41, at, TicketStatus.NEW)));
  }

  @Test
  void a_comment_by_someone_other_than_the_reporter_is_a_public_agent_reply_keyed_by_comment() {
    assertThat(map("jira_cloud_comment_created.json"))
        .isEqualTo(
            events(
                new TicketEvent.AgentReplied(
                    id("comment/10019"), TES_41, Instant.parse("2019-02-16T03:11:18.321Z"), true)));
    assertThat(map("jira_server_issue_updated_commented.json"))
        .isEqualTo(
            events(
                new TicketEvent.AgentReplied(
                    id("comment/10082"),
                    new TicketId("jira:acme-jira:PRJX-14"),
                    Instant.parse("2019-06-04T00:15:17.234Z"),
                    true)));
  }

  @Test
  void an_internal_comment_is_a_private_note_and_a_customer_account_or_the_reporter_the_customer() {
    ObjectNode payload = (ObjectNode) json("jira", "jira_cloud_comment_created.json");
    ObjectNode comment = (ObjectNode) payload.get("comment");
    Instant at = Instant.parse("2019-02-16T03:11:18.321Z");

    comment.put("jsdPublic", false);
    assertThat(map(payload))
        .isEqualTo(events(new TicketEvent.AgentReplied(id("comment/10019"), TES_41, at, false)));

    comment.put("jsdPublic", true);
    ((ObjectNode) comment.get("author")).put("accountType", "customer");
    assertThat(map(payload))
        .isEqualTo(events(new TicketEvent.CustomerReplied(id("comment/10019"), TES_41, at)));

    ObjectNode server = (ObjectNode) json("jira", "jira_server_issue_updated_commented.json");
    ((ObjectNode) server.path("issue").path("fields").path("reporter")).put("name", "levbrouk");
    assertThat(map(server))
        .isEqualTo(
            events(
                new TicketEvent.CustomerReplied(
                    id("comment/10082"),
                    new TicketId("jira:acme-jira:PRJX-14"),
                    Instant.parse("2019-06-04T00:15:17.234Z"))));
  }

  @Test
  void what_touches_no_clock_is_ignored_with_a_reason() {
    assertThat(map("jira_cloud_issue_updated_assigned.json"))
        .isEqualTo(
            Payloads.ignored(
                "jira:issue_updated (issue_assigned) changes neither status, priority,"
                    + " milestone labels nor comments"));
    assertThat(map("jira_server_comment_created.json"))
        .isEqualTo(
            Payloads.ignored(
                "comment_created without its issue (Jira Server): the same comment comes with"
                    + " jira:issue_updated (issue_commented)"));
  }

  @Test
  void the_signature_is_sha256_hex_hmac_of_the_body_in_x_hub_signature() {
    byte[] body = "{\"webhookEvent\":\"jira:issue_created\"}".getBytes(StandardCharsets.UTF_8);
    String good = "sha256=" + Signatures.hmacHex("HmacSHA256", "s3cret", body);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Hub-Signature", good), "s3cret", body))
        .isInstanceOf(Verification.Verified.class);
    assertThat(ADAPTER.verify(WebhookHeaders.of("X-Hub-Signature", good), "other", body))
        .isEqualTo(new Verification.Mismatch("X-Hub-Signature"));
    assertThat(ADAPTER.verify(WebhookHeaders.of(), "s3cret", body))
        .isEqualTo(new Verification.Missing("X-Hub-Signature"));
    assertThat(
            ADAPTER.deliveryId(WebhookHeaders.of("X-Atlassian-Webhook-Identifier", "42-7"), body))
        .isEqualTo("42-7");
    assertThat(ADAPTER.deliveryId(WebhookHeaders.of(), body)).isEqualTo(Signatures.sha256(body));
  }
}
