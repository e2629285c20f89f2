package io.slawatch.timer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.EngagementDecoding;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.YamlTrees;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.event.EventTimes;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.simulation.Simulation;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/simulate}: the simulator over HTTP. Body: {@code plan}, {@code zone} (the
 * customer's, for default business hours) or {@code calendar}, optional {@code until} (default 30
 * days after the last event) and {@code events} (ticket CloudEvents and engagement CloudEvents,
 * {@code engagement.*}, any order, any tickets and engagements; a refused booking is listed in
 * {@code refused}). Answer: every alert the engine would emit up to {@code until}, ordered by
 * firing instant (the core's {@link Simulation}, as {@code slawatch simulate} runs it). The body is
 * read here, not by the framework, so that an empty, malformed or too deeply nested body is a
 * problem naming what is wrong like any other invalid field.
 */
@Path("/api/v1/simulate")
@Roles({"simulate", "read"})
public class SimulateResource {
  /** How deep a request may nest (a calendar needs about six levels). */
  static final int MAX_NESTING = 32;

  /** The most events one simulation replays (as many as one intake batch). */
  static final int MAX_EVENTS = 1000;

  private final Simulation simulation;
  private final PlanCatalog plans;
  private final CalendarReader calendars;
  private final TicketEventCodec events;
  private final EngagementEventCodec engagementEvents;
  private final SlaAlertCodec alerts;
  private final ObjectMapper mapper;
  private final ObjectReader reader;

  SimulateResource(
      SlaEngine engine,
      PlanCatalog plans,
      CalendarReader calendars,
      TicketEventCodec events,
      EngagementEventCodec engagementEvents,
      SlaAlertCodec alerts,
      ObjectMapper mapper) {
    this.engagementEvents = engagementEvents;
    this.simulation = new Simulation(engine);
    this.plans = plans;
    this.calendars = calendars;
    this.events = events;
    this.alerts = alerts;
    this.mapper = mapper;
    ObjectMapper strict = mapper.copy();
    // a repeated key ({"plan":"a","plan":"b"}) means different things to different readers
    strict.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    strict
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    this.reader = strict.reader();
  }

  private static Response invalid(List<Violation> violations) {
    return Problem.response(
        400, "invalid-simulation", "The simulation request is not valid", violations);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response simulate(byte[] raw) throws IOException {
    JsonNode body;
    try {
      body = raw == null || raw.length == 0 ? null : reader.readTree(raw);
    } catch (JsonProcessingException e) {
      return invalid(List.of(Limits.unreadable("", e.getOriginalMessage())));
    }
    if (body == null || !body.isObject()) {
      return invalid(
          List.of(
              new Violation("", "must be a JSON object with plan, events and zone or calendar")));
    }
    List<Violation> violations = new ArrayList<>();
    String plan = body.path("plan").asText("");
    if (plans.find(plan).isEmpty()) {
      violations.add(new Violation("plan", "is not a known plan: \"" + plan + "\""));
    }
    CustomerTerms terms = null;
    try {
      if (body.hasNonNull("calendar") && body.get("calendar").has("ical")) {
        violations.add(
            new Violation(
                "calendar.ical", "is not accepted over HTTP (it names a file on the server)"));
      } else if (body.hasNonNull("calendar")) {
        terms =
            new CustomerTerms(
                plan, calendars.read(YamlTrees.parse(body.get("calendar").toString())));
      } else {
        terms = CustomerTerms.of(plan, ZoneId.of(body.path("zone").asText("UTC")));
      }
    } catch (ConfigException e) {
      violations.add(
          new Violation(
              e.field() == null || e.field().isEmpty() ? "calendar" : "calendar." + e.field(),
              e.getMessage()));
    } catch (DateTimeException e) {
      violations.add(new Violation("zone", "must be an IANA time zone id"));
    }
    List<TicketEvent> history = new ArrayList<>();
    List<EngagementEvent> engagements = new ArrayList<>();
    JsonNode list = body.path("events");
    if (!list.isArray() || list.isEmpty()) {
      violations.add(
          new Violation("events", "must be a non-empty array of ticket or engagement CloudEvents"));
    } else if (list.size() > MAX_EVENTS) {
      violations.add(new Violation("events", "must hold at most " + MAX_EVENTS + " events"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        List<Violation> refused = List.of();
        JsonNode event = list.get(i);
        if (EngagementEventCodec.isEngagementType(event.path("type").asText(""))) {
          switch (engagementEvents.decode(event)) {
            case EngagementDecoding.Valid valid -> engagements.add(valid.event());
            case EngagementDecoding.Invalid invalid -> refused = invalid.violations();
          }
        } else {
          switch (events.decode(event)) {
            case Decoding.Valid valid -> history.add(valid.event());
            case Decoding.Invalid invalid -> refused = invalid.violations();
          }
        }
        for (Violation v : refused) {
          violations.add(new Violation("events[" + i + "]." + v.field(), v.message()));
        }
      }
    }
    Instant until = null;
    if (body.hasNonNull("until")) {
      try {
        until = OffsetDateTime.parse(body.get("until").asText()).toInstant();
        if (!EventTimes.accepted(until)) {
          violations.add(new Violation("until", "must be " + EventTimes.expected()));
        }
      } catch (DateTimeException e) {
        violations.add(new Violation("until", "must be an RFC 3339 timestamp with an offset"));
      }
    }
    if (!violations.isEmpty()) {
      return invalid(violations);
    }
    Simulation.Result result =
        simulation.run(terms, history, engagements, Optional.ofNullable(until));
    ArrayNode out = mapper.createArrayNode();
    for (SlaAlert alert : result.alerts()) {
      out.add(mapper.readTree(alerts.encode(alert)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("until", result.until().toString());
    answer.put("alerts", out);
    if (!result.refused().isEmpty()) {
      answer.put(
          "refused",
          result.refused().stream()
              .map(r -> Map.of("event", r.event().id(), "field", r.field(), "message", r.message()))
              .toList());
    }
    return Response.ok(answer).type(MediaType.APPLICATION_JSON).build();
  }
}
