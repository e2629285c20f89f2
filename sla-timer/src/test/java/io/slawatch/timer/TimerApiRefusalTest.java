package io.slawatch.timer;

import static io.slawatch.timer.ApiTokens.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.slawatch.testinfra.RealInfraTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue of hostile and malformed calls to sla-timer's API (issue 18, findings 4 and 7): each
 * is refused with a 4xx {@code application/problem+json} naming what is wrong, never a 500, never a
 * bare status.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TimerApiRefusalTest {

  /** One malformed call, the status it must get and the field its problem must name. */
  record Call(
      String story, Function<RequestSpecification, Response> send, int status, String field) {
    @Override
    public String toString() {
      return story;
    }
  }

  private static Call get(String story, String path, String field) {
    return new Call(story, r -> r.urlEncodingEnabled(false).get(path), 400, field);
  }

  private static Call simulate(String story, String contentType, String body, String field) {
    return new Call(
        story, r -> r.contentType(contentType).body(body).post("/api/v1/simulate"), 400, field);
  }

  private static Call simulate(String story, String body, String field) {
    return simulate(story, "application/json", body, field);
  }

  private static String created(String time) {
    return """
        {"specversion":"1.0","id":"1","source":"sim","type":"ticket.created","subject":"S-1",
         "time":"%s","data":{"customer":"acme","priority":"P1"}}"""
        .formatted(time);
  }

  private static final String EVENTS = "[" + created("2026-11-20T16:30:00+01:00") + "]";

  /** Open Monday to Friday, but every day of the year is a yearly holiday. */
  private static String neverOpenCalendar() {
    String everyDay =
        Stream.iterate(LocalDate.of(2028, 1, 1), d -> d.getYear() == 2028, d -> d.plusDays(1))
            .map(d -> "\"" + d.format(DateTimeFormatter.ofPattern("MM-dd")) + "\"")
            .collect(Collectors.joining(","));
    return """
        {"zone":"UTC","week":{"MON":[["09:00","17:00"]],"TUE":[["09:00","17:00"]],
         "WED":[["09:00","17:00"]],"THU":[["09:00","17:00"]],"FRI":[["09:00","17:00"]]},
         "holidays":[%s]}"""
        .formatted(everyDay);
  }

  static Stream<Call> catalogue() {
    return Stream.of(
        get("a NUL as ticket id is refused, naming the id", "/api/v1/tickets/%00/sla", "id"),
        get(
            "a ticket id with a line break is refused, naming the id",
            "/api/v1/tickets/T-1%0D%0AX-Injected:%201/sla",
            "id"),
        get(
            "a ticket id of 600 characters is refused, naming the id",
            "/api/v1/tickets/" + "T".repeat(600) + "/sla",
            "id"),
        get(
            "a NUL as the at-risk customer is refused, naming the customer",
            "/api/v1/at-risk?customer=%00",
            "customer"),
        get(
            "a NUL as the at-risk plan is refused, naming the plan",
            "/api/v1/at-risk?plan=x%00y",
            "plan"),
        get(
            "a NUL as the at-risk priority is refused, naming the priority",
            "/api/v1/at-risk?priority=%00",
            "priority"),
        get(
            "an at-risk window of minus 292 billion years is refused, naming the window",
            "/api/v1/at-risk?within=-PT2562047788015215H",
            "within"),
        get(
            "an at-risk window of plus 292 billion years is refused, naming the window",
            "/api/v1/at-risk?within=PT2562047788015215H",
            "within"),
        get(
            "a negative at-risk window is refused, naming the window",
            "/api/v1/at-risk?within=-PT1H",
            "within"),
        get(
            "an empty at-risk window is refused, naming the window",
            "/api/v1/at-risk?within=PT0S",
            "within"),
        get(
            "an at-risk window over a year and a day is refused, naming the window",
            "/api/v1/at-risk?within=P367D",
            "within"),
        simulate("a simulation without a body is refused, naming the body", "", ""),
        simulate("a simulation with invalid JSON is refused, naming the body", "{\"plan\":", ""),
        simulate(
            "a simulation nested 5,000 levels deep is refused, naming the body",
            "{\"plan\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            ""),
        simulate(
            "a simulation nested 100 levels deep is refused, naming the body",
            "{\"plan\":" + "[".repeat(100) + "]".repeat(100) + "}",
            ""),
        simulate("a simulation that is a JSON array is refused, naming the body", "[]", ""),
        simulate(
            "a simulation repeating its plan key is refused, naming the plan",
            "{\"plan\":\"jamf-silver\",\"plan\":\"jamf-gold\",\"zone\":\"UTC\",\"events\":"
                + EVENTS
                + "}",
            "plan"),
        simulate(
            "a simulation with an event in the year 3000 is refused, naming the event's time",
            "{\"plan\":\"jamf-silver\",\"zone\":\"UTC\",\"events\":["
                + created("3000-01-01T00:00:00Z")
                + "]}",
            "events[0].time"),
        simulate(
            "a simulation until the year 3000 is refused, naming until",
            "{\"plan\":\"jamf-silver\",\"zone\":\"UTC\",\"until\":\"3000-01-01T00:00:00Z\","
                + "\"events\":"
                + EVENTS
                + "}",
            "until"),
        simulate(
            "a simulation until the year 1600 is refused, naming until",
            "{\"plan\":\"jamf-silver\",\"zone\":\"UTC\",\"until\":\"1600-01-01T00:00:00Z\","
                + "\"events\":"
                + EVENTS
                + "}",
            "until"),
        simulate(
            "a simulation on a calendar that is never open is refused, naming the calendar",
            "{\"plan\":\"jamf-silver\",\"calendar\":"
                + neverOpenCalendar()
                + ",\"events\":"
                + EVENTS
                + "}",
            "calendar"),
        simulate(
            "a simulation of 1,001 events is refused, naming the events",
            "{\"plan\":\"jamf-silver\",\"zone\":\"UTC\",\"events\":["
                + String.join(
                    ",", java.util.Collections.nCopies(1001, created("2026-11-20T10:00:00Z")))
                + "]}",
            "events"),
        new Call(
            "deleting the plans is refused as a method not allowed",
            r -> r.delete("/api/v1/plans"),
            405,
            null),
        new Call(
            "asking for the plans as CSV is refused as not acceptable",
            r -> r.accept("text/csv").get("/api/v1/plans"),
            406,
            null),
        new Call(
            "a simulation sent as text is refused as an unsupported media type",
            r -> r.contentType("text/plain").body(EVENTS).post("/api/v1/simulate"),
            415,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void a_malformed_call_gets_a_problem_naming_what_is_wrong(Call call) {
    Response response = call.send().apply(api());

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(call.status());
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.jsonPath().getInt("status")).isEqualTo(call.status());
    if (call.field() != null) {
      List<String> fields = response.jsonPath().getList("violations.field");
      assertThat(fields).as(response.asString()).contains(call.field());
    }
  }

  @Test
  void a_simulation_cannot_make_the_server_read_a_calendar_file_from_its_disk() throws Exception {
    Path ics = Files.createDirectories(Path.of("target")).resolve("server-side-closures.ics");
    Files.writeString(
        ics,
        String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//slawatch//test//EN",
            "BEGIN:VEVENT",
            "UID:1@test",
            "DTSTAMP:20260101T000000Z",
            "DTSTART;VALUE=DATE:20261124",
            "DTEND;VALUE=DATE:20261125",
            "END:VEVENT",
            "END:VCALENDAR",
            ""));
    Response response =
        api()
            .contentType("application/json")
            .body(
                "{\"plan\":\"jamf-silver\",\"calendar\":{\"zone\":\"UTC\",\"week\":"
                    + "{\"MON\":[[\"09:00\",\"17:00\"]]},\"ical\":\""
                    + ics.toAbsolutePath()
                    + "\"},\"events\":"
                    + EVENTS
                    + "}")
            .post("/api/v1/simulate");

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.jsonPath().getList("violations.field", String.class))
        .containsExactly("calendar.ical");
  }
}
