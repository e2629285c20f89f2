package io.slawatch.notifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.config.ConfigException;
import io.slawatch.notifier.testdata.AnAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Group keys, windows and the policy file's {@code group_by} and {@code group_window}. */
class GroupKeyTest {
  private static final PolicyReader READER =
      new PolicyReader(Set.of("slack", "pagerduty"), CalendarReader.relativeTo(Path.of(".")));

  private static Policy read(String policyFields) {
    return READER
        .read(
            """
            targets:
              chat: {channel: slack}
            policies:
              - name: p
            %s
                steps:
                  - {notify: [chat]}
            """
                .formatted(policyFields.indent(4).stripTrailing()))
        .policies()
        .get(0);
  }

  @Test
  void by_default_alerts_group_by_customer_clock_and_level_in_the_notifiers_window() {
    Grouping grouping = read("").grouping();
    assertThat(grouping).isEqualTo(Grouping.DEFAULT);
    assertThat(grouping.key(AnAlert.breach().build(), 2))
        .isEqualTo("customer=acme,clock=first_response,level=2");
    assertThat(grouping.windowOr(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void tickets_of_one_customer_share_a_key_other_customers_and_levels_do_not() {
    Grouping grouping = Grouping.DEFAULT;
    String t1 = grouping.key(AnAlert.breach().ticket("T-1").build(), 1);
    assertThat(grouping.key(AnAlert.breach().ticket("T-2").build(), 1)).isEqualTo(t1);
    assertThat(grouping.key(AnAlert.breach().ticket("T-2").customer("globex").build(), 1))
        .isNotEqualTo(t1);
    assertThat(grouping.key(AnAlert.breach().ticket("T-1").build(), 2)).isNotEqualTo(t1);
  }

  @Test
  void a_policy_chooses_its_fields_in_its_order_and_its_window() {
    Grouping grouping = read("group_by: [plan, priority]\ngroup_window: PT30S").grouping();
    assertThat(grouping.key(AnAlert.breach().plan("gold").build(), 1))
        .isEqualTo("plan=gold,priority=P1");
    assertThat(grouping.windowOr(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(30));
    assertThat(read("group_by: []").grouping().key(AnAlert.breach().build(), 1)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0", "PT0S"})
  void a_zero_window_sends_at_once(String window) {
    assertThat(read("group_window: " + window).grouping().windowOr(Duration.ofSeconds(10)))
        .isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "group_by: [customer, ticket]|\"ticket\" is not one of [customer, clock, level, priority, plan]",
        "group_by: [clock, clock]|\"clock\" is named twice",
        "group_window: soon|is not an ISO-8601 duration",
        "group_window: -PT5S|must not be negative"
      })
  void a_mistake_in_grouping_is_named_with_its_field(String fields, String why) {
    assertThatThrownBy(() -> read(fields))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("policies[0].group_")
        .hasMessageContaining(why);
  }

  @Test
  void a_group_is_sent_one_window_after_its_first_member_and_named_by_it() {
    Instant first = Instant.parse("2026-11-23T09:00:00.250Z");
    assertThat(Grouping.flushAt(first, Duration.ofSeconds(10)))
        .isEqualTo(Instant.parse("2026-11-23T09:00:10.250Z"));
    assertThat(Grouping.groupId("p", "chat", "sla.breached", "customer=acme", first))
        .isEqualTo("p|chat|sla.breached|customer=acme|2026-11-23T09:00:00.250Z");
  }

  @Test
  void a_window_is_not_negative_and_a_field_is_not_named_twice() {
    assertThatThrownBy(() -> new Grouping(List.of(), Optional.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Grouping(List.of(Grouping.Field.LEVEL, Grouping.Field.LEVEL), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
