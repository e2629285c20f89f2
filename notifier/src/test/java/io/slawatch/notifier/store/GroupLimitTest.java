package io.slawatch.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.notifier.WebhookReceiverResource;
import io.slawatch.notifier.store.NotificationGroupStore.Join;
import io.slawatch.notifier.store.NotificationGroupStore.Joined;
import io.slawatch.notifier.store.NotificationGroupStore.Member;
import io.slawatch.testinfra.RealInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Groups on the real database (issue 16): a group holds at most {@code max-members} alerts, closes
 * and falls due once full, and the next alert opens a new one; sent groups past their retention are
 * deleted with their member lists.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class GroupLimitTest {
  /** Far ahead: no group of these tests falls due for the running group loop. */
  private static final Instant T0 = Instant.parse("2099-01-05T09:00:00Z");

  @Inject Transactions transactions;
  @Inject NotificationGroupStore groups;
  @Inject Pool pool;

  @Test
  void a_group_that_reaches_its_limit_closes_and_falls_due_and_the_next_alert_opens_a_new_one() {
    String policy = "limit-" + UUID.randomUUID();
    int max = 10;
    List<Joined> first = join(policy, 0, 4, T0);
    List<Joined> filling = join(policy, 4, 7, T0.plusSeconds(1));
    List<Joined> next = join(policy, 11, 3, T0.plusSeconds(2));

    String full = first.getFirst().groupId();
    assertThat(filling).allMatch(j -> j.groupId().equals(full));
    assertThat(next).extracting(Joined::groupId).doesNotContain(full).hasSize(3);
    assertThat(next.stream().map(Joined::groupId).distinct()).hasSize(1);

    Map<String, Row> byId = rows(policy);
    assertThat(byId).hasSize(2);
    Row filled = byId.get(full);
    assertThat(filled.getInteger("members"))
        .as("the batch that filled it joined it whole")
        .isEqualTo(11);
    assertThat(members(full)).isEqualTo(11);
    assertThat(filled.getString("state")).as("closed to joins").isEqualTo("full");
    assertThat(filled.getOffsetDateTime("flush_at").toInstant())
        .as("due when it filled, not at the end of its window")
        .isEqualTo(T0.plusSeconds(1));
    Row open = byId.get(next.getFirst().groupId());
    assertThat(open.getString("state")).isEqualTo("open");
    assertThat(open.getInteger("members")).isEqualTo(3);
    assertThat(members(open.getString("id"))).isEqualTo(3);
  }

  @Test
  void sent_groups_older_than_the_retention_are_deleted_with_their_members_and_others_stay() {
    String policy = "purge-" + UUID.randomUUID();
    String old = join(policy, 0, 3, T0).getFirst().groupId();
    String recent = join(policy + "-b", 0, 2, T0).getFirst().groupId();
    String open = join(policy + "-c", 0, 2, T0).getFirst().groupId();
    markSent(old, Instant.now().minus(Duration.ofDays(8)));
    markSent(recent, Instant.now().minus(Duration.ofDays(6)));

    int deleted = 0;
    int round;
    do {
      round =
          transactions
              .run(tx -> groups.purgeSent(tx, Instant.now().minus(Duration.ofDays(7)), 1_000))
              .await()
              .atMost(Duration.ofSeconds(30));
      deleted += round;
    } while (round == 1_000);

    assertThat(deleted).isPositive();
    assertThat(rows(policy)).as("sent 8 days ago: gone").isEmpty();
    assertThat(members(old)).isZero();
    assertThat(rows(policy + "-b")).as("sent 6 days ago: kept").containsOnlyKeys(recent);
    assertThat(members(recent)).isEqualTo(2);
    assertThat(rows(policy + "-c")).as("not sent: kept").containsOnlyKeys(open);
  }

  private List<Joined> join(String policy, int from, int count, Instant now) {
    List<Join> joins =
        IntStream.range(from, from + count)
            .mapToObj(
                i ->
                    new Join(
                        String.join("|", policy, "ops", "sla.breached", "acme", now.toString()),
                        now.plus(Duration.ofHours(1)),
                        policy,
                        "ops",
                        "webhook",
                        "",
                        "sla.breached",
                        "acme",
                        new Member(
                            policy + "-alert-" + i,
                            "ops",
                            1,
                            0,
                            null,
                            "en",
                            "en",
                            null,
                            null,
                            null,
                            null)))
            .toList();
    return transactions
        .run(tx -> groups.join(tx, joins, now, 10))
        .await()
        .atMost(Duration.ofSeconds(30));
  }

  private void markSent(String group, Instant at) {
    pool.preparedQuery("update notification_group set state = 'sent', sent_at = $2 where id = $1")
        .execute(Tuple.of(group, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)))
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  private Map<String, Row> rows(String policy) {
    Map<String, Row> rows = new LinkedHashMap<>();
    List<Row> all = new ArrayList<>();
    pool.preparedQuery(
            "select id, state, members, flush_at from notification_group where policy = $1")
        .execute(Tuple.of(policy))
        .await()
        .atMost(Duration.ofSeconds(10))
        .forEach(all::add);
    all.forEach(r -> rows.put(r.getString("id"), r));
    return rows;
  }

  private int members(String group) {
    return pool.preparedQuery("select count(*) from notification_member where group_id = $1")
        .execute(Tuple.of(group))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong(0)
        .intValue();
  }
}
