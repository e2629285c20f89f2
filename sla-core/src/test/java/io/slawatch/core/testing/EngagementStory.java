package io.slawatch.core.testing;

import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvaluation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementId;
import io.slawatch.core.engagement.EngagementKind;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Test-data builder: an engagement's story as events, told in order, evaluated by the engine. */
public final class EngagementStory {
  private static final EngagementEngine ENGINE = new EngagementEngine();

  private final EngagementId engagement;
  private String plan = "jamf-gold";
  private CalendarDefinition businessCalendar = CalendarDefinition.businessHours(ZoneId.of("UTC"));
  private final List<EngagementEvent> events = new ArrayList<>();
  private final List<CustomerHistory.Version> changes = new ArrayList<>();

  private EngagementStory(String id) {
    this.engagement = new EngagementId(id);
  }

  public static EngagementStory engagement(String id) {
    return new EngagementStory(id);
  }

  public static Instant at(String time) {
    return TicketStory.at(time);
  }

  public EngagementStory onPlan(String name) {
    this.plan = name;
    return this;
  }

  public EngagementStory customerCalendar(CalendarDefinition calendar) {
    this.businessCalendar = calendar;
    return this;
  }

  /** The customer record changes at {@code time}: this plan and calendar from then on. */
  public EngagementStory customerChanged(String time, String plan, CalendarDefinition calendar) {
    changes.add(new CustomerHistory.Version(at(time), new CustomerTerms(plan, calendar)));
    return this;
  }

  /** The customer's terms over time: the story's plan and calendar, then each change. */
  public CustomerHistory history() {
    List<CustomerHistory.Version> versions = new ArrayList<>();
    versions.add(new CustomerHistory.Version(Instant.MIN, terms()));
    versions.addAll(changes);
    return new CustomerHistory(versions);
  }

  /** Purchased at {@code time} (recorded then too). */
  public EngagementStory purchased(String time, EngagementKind kind, int hours) {
    return add(
        new EngagementEvent.Purchased(
            next(), engagement, at(time), new CustomerId("acme"), kind, hours, at(time)));
  }

  public EngagementStory contactAttempted(String time) {
    return add(new EngagementEvent.ContactAttempted(next(), engagement, at(time)));
  }

  public EngagementStory customerResponded(String time) {
    return add(new EngagementEvent.CustomerResponded(next(), engagement, at(time)));
  }

  public EngagementStory scheduled(String time, String start, Duration duration) {
    return add(new EngagementEvent.Scheduled(next(), engagement, at(time), at(start), duration));
  }

  public EngagementStory rescheduled(String time, String start, Duration duration) {
    return add(new EngagementEvent.Rescheduled(next(), engagement, at(time), at(start), duration));
  }

  public EngagementStory cancelled(String time) {
    return add(new EngagementEvent.Cancelled(next(), engagement, at(time)));
  }

  public EngagementStory started(String time) {
    return add(new EngagementEvent.Started(next(), engagement, at(time)));
  }

  public EngagementStory completed(String time) {
    return add(new EngagementEvent.Completed(next(), engagement, at(time)));
  }

  public List<EngagementEvent> events() {
    return List.copyOf(events);
  }

  public CustomerTerms terms() {
    return new CustomerTerms(plan, businessCalendar);
  }

  public EngagementEvaluation asOf(String time) {
    return evaluate(events, time);
  }

  public EngagementEvaluation evaluate(List<EngagementEvent> these, String time) {
    return changes.isEmpty()
        ? ENGINE.evaluate(these, terms(), at(time))
        : ENGINE.evaluate(these, history(), at(time));
  }

  private EventId next() {
    return new EventId("crm/jamf", engagement.value() + "-" + (events.size() + 1));
  }

  public EngagementStory add(EngagementEvent event) {
    events.add(event);
    return this;
  }
}
