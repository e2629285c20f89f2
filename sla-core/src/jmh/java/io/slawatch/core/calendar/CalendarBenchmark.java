package io.slawatch.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * add and elapsed on a realistic calendar: Europe/Paris, two intervals a day (09:00-12:00,
 * 13:00-17:00, Monday to Friday: 7 business hours a day), a year of holidays (France's public
 * holidays plus ten company days), durations from 1 hour to 30 business days (210 h).
 *
 * <pre>
 * ./mvnw -pl sla-core -Pjmh test-compile exec:exec -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {
  @Param({"PT1H", "PT7H", "PT35H", "PT210H"})
  public String duration;

  private BusinessCalendar calendar;
  private Duration amount;
  private final Instant[] starts = new Instant[1024];
  private final Instant[] ends = new Instant[1024];
  private int next;

  @Setup
  public void setUp() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    Set<LocalDate> companyDays = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      companyDays.add(LocalDate.of(2026, 1 + i, 10 + i));
    }
    CalendarDefinition definition =
        CalendarDefinition.weekdays(
                paris, OpeningHours.of("09:00", "12:00"), OpeningHours.of("13:00", "17:00"))
            .withHolidays(companyDays, Set.of())
            .withHolidaySets(List.of("FR"));
    calendar = BusinessCalendar.of(definition);
    amount = Duration.parse(duration);
    Random random = new Random(42);
    long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < starts.length; i++) {
      starts[i] = Instant.ofEpochSecond(from + random.nextLong(365L * 86_400));
      ends[i] = calendar.add(starts[i], amount); // also builds and caches the year tables
    }
  }

  private int index() {
    next = (next + 1) & (starts.length - 1);
    return next;
  }

  @Benchmark
  public Instant add() {
    return calendar.add(starts[index()], amount);
  }

  @Benchmark
  public Duration elapsed() {
    int i = index();
    return calendar.elapsed(starts[i], ends[i]);
  }
}
