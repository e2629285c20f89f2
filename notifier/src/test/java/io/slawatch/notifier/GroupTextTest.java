package io.slawatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.text.GroupText;
import io.slawatch.notifier.testdata.AnAlert;
import io.slawatch.testinfra.RealInfraTestResource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A group's summary line, in each language of the plans, with its list of tickets capped. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class GroupTextTest {
  private static GroupNotification group(int size, String language, AnAlert kind) {
    List<Notification> members =
        IntStream.rangeClosed(1, size)
            .mapToObj(
                i -> {
                  var alert = kind.ticket("T-" + i).build();
                  return new Notification(
                      alert,
                      "{}",
                      "chat",
                      Optional.empty(),
                      Locale.forLanguageTag(language),
                      1,
                      Optional.empty(),
                      Optional.empty());
                })
            .toList();
    return new GroupNotification("g", "customer=acme", members);
  }

  @Test
  void twelve_breaches_name_their_count_customer_clock_and_tickets() {
    assertThat(GroupText.summary(group(12, "en", AnAlert.breach()), 50))
        .isEqualTo(
            "12 tickets of acme breached first response: T-1, T-2, T-3, T-4, T-5, T-6, T-7,"
                + " T-8, T-9, T-10, T-11, T-12");
    assertThat(GroupText.headline(group(1, "en", AnAlert.breach())))
        .isEqualTo("1 ticket of acme breached first response");
    assertThat(GroupText.headline(group(3, "en", AnAlert.warning())))
        .isEqualTo("3 tickets of acme close to their first response target");
  }

  @ParameterizedTest
  @CsvSource({"1", "3", "12", "100"})
  void the_list_names_at_most_max_listed_tickets_then_how_many_more(int max) {
    String listing = GroupText.listing(group(12, "en", AnAlert.breach()), max);
    int named = Math.min(max, 12);
    assertThat(listing.split(", ")).hasSize(named);
    assertThat(listing.endsWith(" and " + (12 - named) + " more")).isEqualTo(named < 12);
    if (max == 3) {
      assertThat(listing).isEqualTo("T-1, T-2, T-3 and 9 more");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fr|SLA dépassé : première réponse en retard sur 2 tickets de acme : T-1, T-2",
        "pl|Naruszenie SLA: przekroczony czas na pierwsza odpowiedź, klient acme, liczba zgłoszeń: 2: T-1, T-2",
        "ro|SLA încălcat: termenul pentru primul răspuns a fost depășit (acme, număr de tichete: 2): T-1, T-2",
        "zh-TW|SLA 違反：acme 的 2 張工單首次回應已逾期：T-1, T-2"
      })
  void the_summary_is_in_the_readers_language(String language, String summary) {
    assertThat(GroupText.summary(group(2, language, AnAlert.breach()), 50)).isEqualTo(summary);
  }
}
