package io.slawatch.notifier.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.notifier.MailServerResource;
import io.slawatch.notifier.WebhookReceiverResource;
import io.slawatch.notifier.channel.GroupsOf;
import io.slawatch.testinfra.RealInfraTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A group's Slack message names at most max-listed (50) tickets and keeps within Slack's limits.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
@QuarkusTestResource(MailServerResource.class)
class SlackGroupMessageTest {
  @Inject SlackChannel slack;

  @Test
  void sixty_breaches_name_fifty_tickets_then_how_many_more() {
    ObjectNode message = slack.groupMessage(GroupsOf.breaches(60));
    String text = message.get("text").asText();
    assertThat(text).startsWith("60 tickets of acme breached first response: T-1, T-2, ");
    assertThat(text).endsWith("T-50 and 10 more").doesNotContain("T-51");
    assertThat(message.at("/blocks/0/text/text").asText())
        .isEqualTo("60 tickets of acme breached first response");
    assertThat(message.at("/blocks/1/text/text").asText()).contains("T-50 and 10 more");
    // what every member shares is said once; what differs (the ticket) is not a shared fact
    assertThat(message.at("/blocks/2/elements").toString())
        .contains("*Customer*: acme")
        .contains("*Priority*: P1")
        .doesNotContain("*Ticket*");
  }

  @Test
  void a_single_member_group_is_still_one_summary_line() {
    assertThat(slack.groupMessage(GroupsOf.breaches(1)).get("text").asText())
        .isEqualTo("1 ticket of acme breached first response: T-1");
  }
}
