package io.slawatch.intake.webhook.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import io.slawatch.intake.webhook.jira.JiraAdapter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceSettingsTest {
  private static final JiraAdapter JIRA = new JiraAdapter();

  @Test
  void vendor_words_are_matched_in_any_case_with_spaces_as_dashes() {
    var settings = Fixtures.settings(JIRA, "s");
    assertThat(settings.status("Waiting for customer")).contains(TicketStatus.PENDING);
    assertThat(settings.status("WAITING_FOR_CUSTOMER")).contains(TicketStatus.PENDING);
    assertThat(settings.priority("Highest")).contains(Priority.P1);
    assertThat(settings.priority("p2")).contains(Priority.P2);
    assertThat(settings.status("Triage")).isEmpty();
  }

  @Test
  void configured_words_override_the_vendors_defaults() {
    var settings =
        Fixtures.settings(
            JIRA, "s", Map.of("High", "P1"), Map.of("Waiting for customer", "ON_HOLD"));
    assertThat(settings.priority("high")).contains(Priority.P1);
    assertThat(settings.status("waiting for customer")).contains(TicketStatus.ON_HOLD);
    assertThat(settings.priority("medium")).contains(Priority.P3);
  }

  @Test
  void a_configured_value_that_is_no_priority_or_status_names_its_key() {
    assertThatThrownBy(() -> Fixtures.settings(JIRA, "s", Map.of("sev1", "urgent"), Map.of()))
        .hasMessage(
            "slawatch.intake.webhooks.s.priority-labels.sev1=urgent: must be one of P1, P2, P3, P4");
    assertThatThrownBy(() -> Fixtures.settings(JIRA, "s", Map.of(), Map.of("parked", "PAUSED")))
        .hasMessageStartingWith(
            "slawatch.intake.webhooks.s.statuses.parked=PAUSED: must be one of");
    assertThatThrownBy(
            () ->
                SourceSettings.resolve(
                    JIRA, "s", "acme", Optional.empty(), "P9", Map.of(), Map.of()))
        .hasMessageContaining("default-priority=P9");
  }

  @Test
  void milestone_tags_is_a_synonym_of_milestone_labels_and_a_bad_name_stops_naming_its_key() {
    var settings =
        SourceSettings.resolve(
            JIRA,
            "s",
            "acme",
            Optional.empty(),
            "P3",
            Map.of(),
            Map.of(),
            Map.of("shipped", "replacement_shipped"),
            Map.of("RCA delivered", "rca_delivered"));
    assertThat(settings.milestone("Shipped")).contains("replacement_shipped");
    assertThat(settings.milestone("rca_delivered")).contains("rca_delivered");
    assertThat(settings.milestones(java.util.List.of("rca-delivered", "x", "RCA Delivered")))
        .containsExactly("rca_delivered");
    assertThatThrownBy(
            () ->
                SourceSettings.resolve(
                    JIRA,
                    "s",
                    "acme",
                    Optional.empty(),
                    "P3",
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of("rma", "RMA shipped")))
        .hasMessageStartingWith("slawatch.intake.webhooks.s.milestone-tags.rma=RMA shipped:");
    assertThatThrownBy(
            () ->
                SourceSettings.resolve(
                    JIRA,
                    "s",
                    "acme",
                    Optional.empty(),
                    "P3",
                    Map.of(),
                    Map.of(),
                    Map.of("shipped", "replacement_shipped"),
                    Map.of("shipped", "rca_delivered")))
        .hasMessage(
            "slawatch.intake.webhooks.s.milestone-tags.shipped=rca_delivered:"
                + " slawatch.intake.webhooks.s.milestone-labels.shipped=replacement_shipped maps"
                + " the same word to another milestone");
  }
}
