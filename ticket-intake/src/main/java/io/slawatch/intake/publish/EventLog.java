package io.slawatch.intake.publish;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementKind;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.EntitlementCheck;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.intake.customer.CustomerStore;
import io.slawatch.intake.metrics.IntakeMetrics;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Stores accepted events and publishes them to {@code ticket.events.v1} (key = ticket id, or
 * engagement id for an engagement's events, which travel the same topic) as one unit: the rows are
 * inserted in a transaction that commits only after Kafka acknowledged every new record. If Kafka
 * or PostgreSQL fails, nothing is kept and the sender retries. A crash between the ack and the
 * commit can publish an event twice with the same {@code (source, id)}: consumers skip it.
 */
@ApplicationScoped
public class EventLog {
  private final TicketEventStore store;
  private final CustomerStore customers;
  private final IntakeMetrics metrics;
  private final MutinyEmitter<String> ticketEvents;
  private final TicketEventCodec codec;
  private final EngagementEventCodec engagementCodec;
  private final Clock clock;
  private final Tracing tracing;
  private final CalendarReader calendarReader;
  private final Map<String, CalendarDefinition> businessCalendars = new ConcurrentHashMap<>();
  private final Map<CalendarDefinition, BusinessCalendar> channelCalendars =
      new ConcurrentHashMap<>();

  private static final int CACHED_CALENDARS = 10_000;

  EventLog(
      TicketEventStore store,
      CustomerStore customers,
      // room for several full batches in flight: each request awaits every ack before committing
      @Channel("ticket-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
          MutinyEmitter<String> ticketEvents,
      TicketEventCodec codec,
      EngagementEventCodec engagementCodec,
      Clock clock,
      Tracing tracing,
      CalendarReader calendarReader,
      IntakeMetrics metrics) {
    this.store = store;
    this.customers = customers;
    this.ticketEvents = ticketEvents;
    this.codec = codec;
    this.engagementCodec = engagementCodec;
    this.clock = clock;
    this.tracing = tracing;
    this.calendarReader = calendarReader;
    this.metrics = metrics;
  }

  public Uni<Acceptance> accept(TicketEvent event) {
    return accept(event, null);
  }

  /** Accepts one event, continuing the sender's W3C trace context when it gave one. */
  public Uni<Acceptance> accept(TicketEvent event, String traceparent) {
    return acceptAll(List.of(event), traceparent).map(List::getFirst);
  }

  /** Accepts a batch in one transaction; the result has one entry per event, in order. */
  public Uni<List<Acceptance>> acceptAll(List<TicketEvent> events) {
    return acceptAll(events, null);
  }

  /**
   * Accepts a batch in one transaction, in a span continuing {@code traceparent} (the sender's
   * trace, or a new one); each published record carries the span's context in its {@code
   * traceparent} header.
   */
  public Uni<List<Acceptance>> acceptAll(List<TicketEvent> events, String traceparent) {
    return acceptAll(events, List.of(), traceparent).map(Acceptances::tickets);
  }

  /** What became of each ticket event and each engagement event of a batch, in order. */
  public record Acceptances(List<Acceptance> tickets, List<Acceptance> engagements) {}

  /**
   * Accepts ticket events and engagement events in one transaction ({@link #acceptAll(List,
   * String)}); an engagement's events are stored in the same log (same dedup key) and published on
   * the same topic keyed by the engagement id.
   */
  public Uni<Acceptances> acceptAll(
      List<TicketEvent> events, List<EngagementEvent> engagements, String traceparent) {
    if (events.isEmpty() && engagements.isEmpty()) {
      return Uni.createFrom().item(new Acceptances(List.of(), List.of()));
    }
    Span span = tracing.start("ticket-intake accept", SpanKind.PRODUCER, traceparent);
    span.setAttribute("slawatch.events", events.size() + engagements.size());
    if (!events.isEmpty()) {
      span.setAttribute("slawatch.ticket", events.getFirst().ticket().value());
    } else {
      span.setAttribute("slawatch.engagement", engagements.getFirst().engagement().value());
    }
    return entitled(events)
        .flatMap(checked -> store(checked, engagements, span))
        .onFailure()
        .invoke(failure -> metrics.failed(IntakeMetrics.ACCEPT))
        .onTermination()
        .invoke((results, failure, cancelled) -> Tracing.end(span, failure));
  }

  /**
   * The kind of each of these engagements (remote or on-site), as its {@code engagement.purchased}
   * in {@code batch} or accepted before says; an engagement not purchased yet is absent.
   */
  public Uni<Map<String, EngagementKind>> engagementKinds(List<EngagementEvent> batch) {
    Map<String, EngagementKind> kinds = new java.util.HashMap<>();
    Set<String> unknown = new HashSet<>();
    for (EngagementEvent event : batch) {
      if (event instanceof EngagementEvent.Purchased p) {
        kinds.putIfAbsent(p.engagement().value(), p.kind());
      }
    }
    for (EngagementEvent event : batch) {
      boolean booking =
          event instanceof EngagementEvent.Scheduled
              || event instanceof EngagementEvent.Rescheduled;
      if (booking && !kinds.containsKey(event.engagement().value())) {
        unknown.add(event.engagement().value());
      }
    }
    if (unknown.isEmpty()) {
      return Uni.createFrom().item(kinds);
    }
    return store
        .engagementKinds(unknown)
        .map(
            stored -> {
              stored.forEach(
                  (id, kind) -> EngagementKind.parse(kind).ifPresent(k -> kinds.put(id, k)));
              return kinds;
            });
  }

  /** The kind {@link #engagementKinds} found for this event's engagement. */
  public static Optional<EngagementKind> kindOf(
      Map<String, EngagementKind> kinds, EngagementEvent event) {
    return Optional.ofNullable(kinds.get(event.engagement().value()));
  }

  /**
   * New tickets checked against their customer's plan ({@link EntitlementCheck}): flagged when out
   * of entitlement (a channel the plan does not include, a live channel outside its hours on the
   * customer's business calendar, a contact who is not premium), and put on the plan's plan for
   * non-premium contacts (Jamf: Standard). A ticket of a customer intake does not know is not
   * judged.
   */
  private Uni<List<TicketEvent>> entitled(List<TicketEvent> events) {
    Set<String> ids = new HashSet<>();
    for (TicketEvent event : events) {
      if (event instanceof TicketEvent.Created created) {
        ids.add(created.customer().value());
      }
    }
    if (ids.isEmpty()) {
      return Uni.createFrom().item(events);
    }
    return customers
        .terms(ids)
        .map(
            known -> {
              List<TicketEvent> checked = new ArrayList<>(events.size());
              for (TicketEvent event : events) {
                CustomerStore.Terms terms =
                    event instanceof TicketEvent.Created created
                        ? known.get(created.customer().value())
                        : null;
                if (terms != null && terms.plan() != null && terms.zone() != null) {
                  checked.add(
                      EntitlementCheck.check(
                          (TicketEvent.Created) event,
                          terms.plan(),
                          requester -> Customer.isPremiumContact(terms.contacts(), requester),
                          businessCalendar(terms),
                          PlanCatalog.presets(),
                          this::calendar));
                } else {
                  checked.add(event);
                }
              }
              return checked;
            });
  }

  /** The customer's business calendar, parsed once per distinct record calendar. */
  private CalendarDefinition businessCalendar(CustomerStore.Terms terms) {
    String key = terms.calendar().orElse("zone:" + terms.zone());
    return bounded(businessCalendars)
        .computeIfAbsent(
            key,
            k ->
                Customer.businessCalendar(
                    terms.calendar(), ZoneId.of(terms.zone()), calendarReader));
  }

  /** A channel's hours as a calendar, built once (its year tables are then reused). */
  private BusinessCalendar calendar(CalendarDefinition definition) {
    return bounded(channelCalendars).computeIfAbsent(definition, BusinessCalendar::of);
  }

  /** The cache, emptied when it grows past what a registry of customers explains. */
  private static <K, V> Map<K, V> bounded(Map<K, V> cache) {
    if (cache.size() > CACHED_CALENDARS) {
      cache.clear();
    }
    return cache;
  }

  private Uni<Acceptances> store(
      List<TicketEvent> events, List<EngagementEvent> engagements, Span span) {
    List<TicketEventStore.StoredEvent> rows = new ArrayList<>(events.size() + engagements.size());
    for (TicketEvent event : events) {
      rows.add(
          new TicketEventStore.StoredEvent(
              event.eventId(),
              event.ticket().value(),
              event.type(),
              event.occurredAt(),
              new String(codec.encode(event), StandardCharsets.UTF_8)));
    }
    for (EngagementEvent event : engagements) {
      rows.add(
          new TicketEventStore.StoredEvent(
              event.eventId(),
              event.engagement().value(),
              event.type(),
              event.occurredAt(),
              new String(engagementCodec.encode(event), StandardCharsets.UTF_8)));
    }
    return store.insertNew(
        rows,
        clock.instant(),
        fresh -> {
          List<Acceptance> results = new ArrayList<>(rows.size());
          List<Uni<Void>> acks = new ArrayList<>();
          for (TicketEventStore.StoredEvent row : rows) {
            // the first of two equal (source, id) in one batch is the accepted one
            if (fresh.remove(row.id())) {
              results.add(Acceptance.ACCEPTED);
              acks.add(publish(row.ticket(), row.payload(), span));
            } else {
              results.add(Acceptance.DUPLICATE);
            }
          }
          Acceptances split =
              new Acceptances(
                  List.copyOf(results.subList(0, events.size())),
                  List.copyOf(results.subList(events.size(), results.size())));
          if (acks.isEmpty()) {
            return Uni.createFrom().item(split);
          }
          return Uni.join().all(acks).andFailFast().replaceWith(split);
        });
  }

  private Uni<Void> publish(String ticket, String payload, Span span) {
    return ticketEvents.sendMessage(
        Message.of(payload)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(ticket)
                    .withHeaders(Tracing.headers(span))
                    .build()));
  }

  public enum Acceptance {
    ACCEPTED,
    DUPLICATE
  }
}
