package io.slawatch.core.clock;

import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.testing.TicketStory;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Late and out-of-order events are placed by occurrence time: arrival order never matters. */
@ZoneSensitive
class ArrivalOrderPropertiesTest {
  static final TicketStory STORY =
      ticket("T-ORDER")
          .onPlan("jamf-silver")
          .customerIn("Europe/Paris")
          .created("2026-03-27T16:00+01:00", Priority.P2)
          .customerReplied("2026-03-27T16:05+01:00")
          .privateNote("2026-03-27T16:20+01:00")
          .agentReplied("2026-03-30T09:30+02:00")
          .customerReplied("2026-03-30T10:00+02:00")
          .status("2026-03-30T10:30+02:00", TicketStatus.PENDING)
          .status("2026-03-30T13:00+02:00", TicketStatus.OPEN)
          .priority("2026-03-30T13:30+02:00", Priority.P1)
          .agentReplied("2026-03-30T15:00+02:00")
          .status("2026-03-31T09:00+02:00", TicketStatus.SOLVED)
          .customerReplied("2026-04-01T11:00+02:00")
          .status("2026-04-01T11:00+02:00", TicketStatus.OPEN)
          .planChanged("2026-04-01T12:00+02:00", "jamf-gold");

  static final String AS_OF = "2026-04-03T00:00Z";

  @Property(tries = 60)
  void any_arrival_order_with_redeliveries_gives_the_same_clocks_and_alerts(@ForAll long seed) {
    Evaluation inOrder = STORY.asOf(AS_OF);
    List<TicketEvent> shuffled = new ArrayList<>(STORY.events());
    Random random = new Random(seed);
    shuffled.add(shuffled.get(random.nextInt(shuffled.size()))); // a redelivery
    Collections.shuffle(shuffled, random);
    Evaluation result = STORY.evaluate(shuffled, AS_OF);
    assertThat(result.alerts()).isEqualTo(inOrder.alerts());
    assertThat(result.upcoming()).isEqualTo(inOrder.upcoming());
    assertThat(result.clocks()).isEqualTo(inOrder.clocks());
    assertThat(inOrder.alerts()).hasSizeGreaterThan(5);
  }
}
