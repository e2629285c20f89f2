package io.slawatch.core.cli;

import io.slawatch.core.config.Tree;
import io.slawatch.core.config.YamlTrees;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.event.TicketUrls;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a ticket event CloudEvent (structured JSON, one per line): {@code subject} is the ticket,
 * {@code time} when it happened, {@code (source, id)} its identity. Priorities may be written in
 * the plan's own words ({@code urgent}, {@code S1}, {@code 1}).
 */
final class TicketEventReader {
  private final Function<Optional<String>, SupportPlan> planFor;

  /** {@code planFor} gives the plan whose vocabulary applies (the event's plan, or the default). */
  TicketEventReader(Function<Optional<String>, SupportPlan> planFor) {
    this.planFor = planFor;
  }

  TicketEvent read(String line) {
    Tree.Mapping event = YamlTrees.parse(line).asMapping();
    Tree specVersion = event.require("specversion");
    if (!specVersion.text().equals("1.0")) {
      throw specVersion.error("only CloudEvents 1.0 is supported");
    }
    EventId id = new EventId(event.require("source").text(), event.require("id").text());
    TicketId ticket = new TicketId(event.require("subject").text());
    Instant time = Inputs.instant(event.require("time"));
    Tree typeTree = event.require("type");
    Tree.Mapping data =
        event
            .get("data")
            .map(Tree::asMapping)
            .orElse(new Tree.Mapping("data", 0, java.util.Map.of()));
    return switch (typeTree.text()) {
      case TicketEvent.Created.TYPE -> {
        Optional<String> plan = data.get("plan").map(Tree::text);
        yield new TicketEvent.Created(
            id,
            ticket,
            time,
            new CustomerId(data.require("customer").text()),
            priority(data.require("priority"), planFor.apply(plan)),
            plan,
            data.get("status").map(TicketEventReader::status).orElse(TicketStatus.NEW),
            data.get("channel").map(Tree::text).orElse("unknown"),
            data.get("requester").map(Tree::text).orElse(""),
            java.util.Set.of(),
            data.get("url").map(TicketEventReader::url));
      }
      case TicketEvent.CustomerReplied.TYPE -> new TicketEvent.CustomerReplied(id, ticket, time);
      case TicketEvent.AgentReplied.TYPE ->
          new TicketEvent.AgentReplied(id, ticket, time, data.require("public").bool());
      case TicketEvent.StatusChanged.TYPE ->
          new TicketEvent.StatusChanged(id, ticket, time, status(data.require("status")));
      case TicketEvent.PriorityChanged.TYPE ->
          new TicketEvent.PriorityChanged(
              id,
              ticket,
              time,
              priority(data.require("priority"), planFor.apply(Optional.empty())));
      case TicketEvent.PlanChanged.TYPE ->
          new TicketEvent.PlanChanged(id, ticket, time, data.require("plan").text());
      default -> throw typeTree.error("\"" + typeTree.text() + "\" is not a ticket event type");
    };
  }

  private static Priority priority(Tree tree, SupportPlan plan) {
    return plan.priorityOf(tree.text())
        .orElseThrow(
            () -> tree.error("\"" + tree.text() + "\" is not a priority of plan " + plan.name()));
  }

  private static URI url(Tree tree) {
    TicketUrls.problem(tree.text())
        .ifPresent(
            problem -> {
              throw tree.error(problem);
            });
    return URI.create(tree.text());
  }

  private static TicketStatus status(Tree tree) {
    return TicketStatus.parse(tree.text())
        .orElseThrow(
            () ->
                tree.error(
                    "\""
                        + tree.text()
                        + "\" is not a status (new, open, pending, on_hold, solved, closed)"));
  }
}
