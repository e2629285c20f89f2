package io.slawatch.notifier.channel.pagerduty;

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

/** A group is one PagerDuty incident per group key, within the Events API's limits. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
@QuarkusTestResource(MailServerResource.class)
class PagerDutyGroupEventTest {
  @Inject PagerDutyChannel pagerduty;

  @Test
  void a_group_triggers_the_incident_of_its_key_listing_every_ticket_in_its_details() {
    ObjectNode event = pagerduty.groupEvent(GroupsOf.breaches(300));
    assertThat(event.get("event_action").asText()).isEqualTo("trigger");
    assertThat(event.get("dedup_key").asText())
        .isEqualTo("slawatch/group/customer=acme,clock=first_response,level=1");
    assertThat(event.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(event.at("/payload/summary").asText())
        .startsWith("300 tickets of acme breached first response: T-1, ")
        .hasSizeLessThanOrEqualTo(1024);
    assertThat(event.at("/payload/custom_details/count").asInt()).isEqualTo(300);
    assertThat(event.at("/payload/custom_details/tickets")).hasSize(300);
  }
}
