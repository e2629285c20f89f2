package io.slawatch.intake.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import io.slawatch.intake.webhook.spi.Fixtures;
import io.slawatch.intake.webhook.spi.Payloads;
import io.slawatch.intake.webhook.spi.SourceSettings;
import io.slawatch.intake.webhook.spi.WebhookResult;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real GitHub payloads of the fixtures (octokit/webhooks examples) as canonical events. */
class GitHubAdapterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TICKET = "github:acme-gh:Codertocat/Hello-World#1";
  private static final GitHubAdapter ADAPTER = new GitHubAdapter();
  private static final SourceSettings SETTINGS = Fixtures.settings(ADAPTER, "acme-gh");

  private static WebhookResult map(
      String event, String delivery, JsonNode payload, SourceSettings settings) {
    return ADAPTER.map(Fixtures.delivery(delivery, GitHubAdapter.EVENT, event), payload, settings);
  }

  static JsonNode fixture(String name) throws Exception {
    try (InputStream in = GitHubAdapterTest.class.getResourceAsStream("/webhook/github/" + name)) {
      return MAPPER.readTree(in);
    }
  }

  private static TicketEvent only(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Events.class);
    return ((WebhookResult.Events) result).events().getFirst();
  }

  @Test
  void an_opened_issue_is_a_new_ticket_of_the_sources_customer_at_its_creation_time()
      throws Exception {
    var created =
        (TicketEvent.Created)
            only(map("issues", "d-1", fixture("github_issues_opened.json"), SETTINGS));
    assertThat(created.ticket().value()).isEqualTo(TICKET);
    assertThat(created.occurredAt()).isEqualTo(Instant.parse("2019-05-15T15:20:18Z"));
    assertThat(created.customer().value()).isEqualTo("acme");
    assertThat(created.plan()).contains("jamf-gold");
    assertThat(created.priority()).isEqualTo(Priority.P3);
    assertThat(created.requester()).isEqualTo("Codertocat");
    assertThat(created.eventId().source()).isEqualTo("webhook/github/acme-gh");
    assertThat(created.eventId().id()).isEqualTo("d-1");
    assertThat(created.url())
        .as("issue.html_url, not the API url")
        .contains(URI.create("https://github.com/Codertocat/Hello-World/issues/1"));
  }

  @Test
  void a_label_in_the_sources_vocabulary_sets_the_priority() throws Exception {
    var settings = Fixtures.settings(ADAPTER, "acme-gh", Map.of("bug", "P2"), Map.of());
    var created =
        (TicketEvent.Created)
            only(map("issues", "d-2", fixture("github_issues_opened.json"), settings));
    assertThat(created.priority()).isEqualTo(Priority.P2);

    var changed =
        (TicketEvent.PriorityChanged)
            only(map("issues", "d-3", fixture("github_issues_labeled.json"), settings));
    assertThat(changed.priority()).isEqualTo(Priority.P2);
  }

  @Test
  void a_comment_by_the_owner_is_a_public_agent_reply_and_by_anyone_else_the_customer_writing()
      throws Exception {
    JsonNode comment = fixture("github_issue_comment_created.json");
    var reply = (TicketEvent.AgentReplied) only(map("issue_comment", "d-4", comment, SETTINGS));
    assertThat(reply.isPublic()).isTrue();
    assertThat(reply.occurredAt()).isEqualTo(Instant.parse("2019-05-15T15:20:21Z"));

    ((ObjectNode) comment.get("comment")).put("author_association", "NONE");
    assertThat(only(map("issue_comment", "d-5", comment, SETTINGS)))
        .isInstanceOf(TicketEvent.CustomerReplied.class);
  }

  @Test
  void a_reopened_issue_is_open_again_at_its_update_time() throws Exception {
    var status =
        (TicketEvent.StatusChanged)
            only(map("issues", "d-6", fixture("github_issues_reopened.json"), SETTINGS));
    assertThat(status.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(status.occurredAt()).isEqualTo(Instant.parse("2021-10-11T16:40:56Z"));
  }

  @Test
  void what_touches_no_clock_is_ignored_with_a_reason() throws Exception {
    assertThat(map("issues", "d-7", fixture("github_issues_assigned.json"), SETTINGS))
        .isInstanceOf(WebhookResult.Ignored.class);
    assertThat(map("issues", "d-8", fixture("github_issues_labeled.json"), SETTINGS))
        .isEqualTo(new WebhookResult.Ignored("label bug is not a priority"));
  }

  @Test
  void a_label_the_source_maps_to_a_milestone_marks_it_at_the_issues_update_time()
      throws Exception {
    SourceSettings settings =
        SourceSettings.resolve(
            ADAPTER,
            "acme-gh",
            "acme",
            Optional.of("opswat-gold"),
            "P3",
            Map.of(),
            Map.of(),
            Map.of("bug", "hardware_defect_identified"));
    JsonNode labeled = fixture("github_issues_labeled.json");
    var milestone = (TicketEvent.Milestone) only(map("issues", "d-9", labeled, settings));
    assertThat(milestone.name()).isEqualTo("hardware_defect_identified");
    assertThat(milestone.occurredAt())
        .isEqualTo(Instant.parse(labeled.path("issue").path("updated_at").asText()));
  }

  @Test
  void a_milestone_label_must_map_to_a_milestone_name() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SourceSettings.resolve(
                    ADAPTER,
                    "acme-gh",
                    "acme",
                    Optional.empty(),
                    "P3",
                    Map.of(),
                    Map.of(),
                    Map.of("shipped", "Replacement Shipped!")))
        .hasMessageStartingWith(
            "slawatch.intake.webhooks.acme-gh.milestone-labels.shipped=Replacement Shipped!");
  }

  @Test
  void a_delivery_without_its_event_header_names_the_header() throws Exception {
    assertThat(
            ADAPTER.map(Fixtures.delivery("d-10"), fixture("github_issues_opened.json"), SETTINGS))
        .isEqualTo(Payloads.invalid("X-GitHub-Event", "is required"));
  }

  @Test
  void a_payload_without_its_issue_names_the_missing_field() throws Exception {
    ObjectNode broken = (ObjectNode) fixture("github_issues_opened.json");
    broken.remove("issue");
    assertThat(map("issues", "d-9", broken, SETTINGS))
        .isInstanceOfSatisfying(
            WebhookResult.Invalid.class,
            invalid -> assertThat(invalid.violations().getFirst().field()).isEqualTo("issue"));
  }
}
