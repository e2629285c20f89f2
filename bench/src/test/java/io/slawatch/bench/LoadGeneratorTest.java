package io.slawatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.event.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CI smoke run of the generator: what it sends is valid and as varied as a real helpdesk. */
class LoadGeneratorTest {
  private final TicketEventCodec codec = new TicketEventCodec(new ObjectMapper());

  @Test
  void a_thousand_tickets_are_valid_events_across_every_seed_plan_and_event_type() {
    LoadGenerator generator = new LoadGenerator("smoke", 50, 7);
    List<TicketEvent> events = new ArrayList<>();
    Instant now = Instant.parse("2026-11-24T09:00:00Z");
    for (int i = 0; i < 1000; i++) {
      for (String json : generator.nextTicket(now)) {
        Decoding decoding = codec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoding).as(json).isInstanceOf(Decoding.Valid.class);
        events.add(((Decoding.Valid) decoding).event());
      }
    }
    Set<String> plans = new HashSet<>();
    Set<String> types = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (TicketEvent event : events) {
      types.add(event.type());
      ids.add(event.eventId().key());
      if (event instanceof TicketEvent.Created created) {
        plans.add(created.plan().orElseThrow());
        assertThat(event.occurredAt()).isEqualTo(now);
      } else {
        assertThat(event.occurredAt()).isAfter(now);
      }
    }
    assertThat(plans).containsExactlyInAnyOrderElementsOf(LoadGenerator.PLANS);
    assertThat(types).hasSize(5);
    assertThat(ids).as("every event id is unique").hasSize(events.size());
    assertThat(events.size()).isBetween(1500, 3000);
  }

  @Test
  void the_same_seed_gives_the_same_load() {
    Instant now = Instant.parse("2026-11-24T09:00:00Z");
    var a = new LoadGenerator("r", 10, 1);
    var b = new LoadGenerator("r", 10, 1);
    for (int i = 0; i < 50; i++) {
      assertThat(a.nextTicket(now)).isEqualTo(b.nextTicket(now));
    }
  }
}
