package io.slawatch.core.testing;

import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test-data builder: a ticket's story as events, told in order, evaluated by the engine. */
public final class TicketStory {
  private final TicketId ticket;
  private String plan = "jamf-gold";
  private CalendarDefinition businessCalendar = CalendarDefinition.businessHours(ZoneId.of("UTC"));
  private PlanCatalog plans = PlanCatalog.presets();
  private final List<TicketEvent> events = new ArrayList<>();
  private boolean knownCustomer = true;
  private final List<CustomerHistory.Version> customerChanges = new ArrayList<>();
  private Optional<URI> url = Optional.empty();

  private TicketStory(String ticket) {
    this.ticket = new TicketId(ticket);
  }

  public static TicketStory ticket(String id) {
    return new TicketStory(id);
  }

  /** Instants in tests are written with their offset: {@code 2026-03-23T10:00+01:00}, or Z. */
  public static Instant at(String time) {
    return OffsetDateTime.parse(time.length() == 16 ? time + "Z" : time).toInstant();
  }

  public TicketStory onPlan(String name) {
    this.plan = name;
    return this;
  }

  public TicketStory withPlans(PlanCatalog catalog) {
    this.plans = catalog;
    return this;
  }

  public TicketStory customerIn(String zone) {
    this.businessCalendar = CalendarDefinition.businessHours(ZoneId.of(zone));
    return this;
  }

  public TicketStory customerCalendar(CalendarDefinition calendar) {
    this.businessCalendar = calendar;
    return this;
  }

  /** The registry does not know the customer: the default terms apply. */
  public TicketStory unknownCustomer() {
    this.knownCustomer = false;
    return this;
  }

  /** The customer record's plan changes at {@code time} (business calendar unchanged). */
  public TicketStory customerPlanChanged(String time, String plan) {
    CalendarDefinition calendar = latestTerms().businessCalendar();
    customerChanges.add(new CustomerHistory.Version(at(time), new CustomerTerms(plan, calendar)));
    return this;
  }

  /** The customer record moves to another zone at {@code time} (default business hours there). */
  public TicketStory customerMoved(String time, String zone) {
    String current = latestTerms().plan();
    customerChanges.add(
        new CustomerHistory.Version(at(time), CustomerTerms.of(current, ZoneId.of(zone))));
    return this;
  }

  private CustomerTerms latestTerms() {
    return customerChanges.isEmpty() ? customer() : customerChanges.getLast().terms();
  }

  /** The source gives the ticket's URL in its helpdesk (on {@code ticket.created}). */
  public TicketStory atUrl(String url) {
    this.url = Optional.of(URI.create(url));
    return this;
  }

  public TicketStory created(String time, Priority priority) {
    return add(
        new TicketEvent.Created(
            next(),
            ticket,
            at(time),
            new CustomerId("acme"),
            priority,
            Optional.empty(),
            TicketStatus.NEW,
            "portal",
            "alice@acme.test",
            Set.of(),
            url));
  }

  /** A ticket created through this channel ({@code phone}, {@code email}...). */
  public TicketStory createdVia(String time, Priority priority, String channel) {
    return add(
        new TicketEvent.Created(
            next(),
            ticket,
            at(time),
            new CustomerId("acme"),
            priority,
            Optional.empty(),
            TicketStatus.NEW,
            channel,
            "alice@acme.test",
            Set.of(),
            url));
  }

  /** A named step of the work: {@code ticket.milestone} ({@code replacement_shipped}). */
  public TicketStory milestone(String time, String name) {
    return add(new TicketEvent.Milestone(next(), ticket, at(time), name));
  }

  public TicketStory customerReplied(String time) {
    return add(new TicketEvent.CustomerReplied(next(), ticket, at(time)));
  }

  public TicketStory agentReplied(String time) {
    return add(new TicketEvent.AgentReplied(next(), ticket, at(time), true));
  }

  public TicketStory privateNote(String time) {
    return add(new TicketEvent.AgentReplied(next(), ticket, at(time), false));
  }

  public TicketStory status(String time, TicketStatus status) {
    return add(new TicketEvent.StatusChanged(next(), ticket, at(time), status));
  }

  public TicketStory priority(String time, Priority priority) {
    return add(new TicketEvent.PriorityChanged(next(), ticket, at(time), priority));
  }

  public TicketStory planChanged(String time, String name) {
    return add(new TicketEvent.PlanChanged(next(), ticket, at(time), name));
  }

  public TicketStory add(TicketEvent event) {
    events.add(event);
    return this;
  }

  public List<TicketEvent> events() {
    return List.copyOf(events);
  }

  public CustomerTerms customer() {
    return new CustomerTerms(plan, businessCalendar, knownCustomer);
  }

  /** The customer's terms as first known, then each change at its instant. */
  public CustomerHistory customerHistory() {
    List<CustomerHistory.Version> versions = new ArrayList<>();
    versions.add(new CustomerHistory.Version(Instant.MIN, customer()));
    versions.addAll(customerChanges);
    return new CustomerHistory(versions);
  }

  public Evaluation asOf(String time) {
    return evaluate(events, time);
  }

  public Evaluation evaluate(List<TicketEvent> someEvents, String time) {
    return new SlaEngine(plans).evaluate(someEvents, customerHistory(), at(time));
  }

  private EventId next() {
    return new EventId("test", "e" + (events.size() + 1));
  }
}
