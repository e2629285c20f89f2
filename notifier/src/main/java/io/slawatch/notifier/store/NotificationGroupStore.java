package io.slawatch.notifier.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code notification_group} and {@code notification_member} tables: groups of alerts sent to
 * one target as one notification, open while their window runs, then claimed and sent by one
 * instance.
 */
@ApplicationScoped
public class NotificationGroupStore {
  /**
   * An alert's delivery joining the open group of its identity (policy, target, address, alert
   * type, key), which is opened as {@code candidateId}, to be sent at {@code flushAt}, when there
   * is none.
   */
  public record Join(
      String candidateId,
      Instant flushAt,
      String policy,
      String target,
      String channel,
      String address,
      String kind,
      String key,
      Member member) {
    /** The open group this join belongs to. */
    String identity() {
      return String.join("\u0000", policy, target, address, kind, key);
    }
  }

  /** What a member's notification needs besides its alert. */
  public record Member(
      String alertId,
      String target,
      int level,
      int round,
      String address,
      String language,
      String customerLanguage,
      String zone,
      String customerZone,
      String ackUrl,
      String traceparent) {}

  /** A join that made its alert a member: the group it joined and when that group is sent. */
  public record Joined(Join join, String groupId, Instant flushAt) {}

  /**
   * Adds the members to the open groups of their identities, opening those that are not (one
   * statement for the groups, one for the members); emits the joins that made a member (a member
   * already in a group, its step run again after a crash, is not added twice). A group whose count
   * of joins reaches {@code maxMembers} is closed ({@code full}) and due at once: later joins open
   * a new group (the batch that filled it joins it whole, so a group holds fewer than {@code
   * maxMembers} plus one batch).
   */
  public Uni<List<Joined>> join(Transaction tx, List<Join> joins, Instant now, int maxMembers) {
    if (joins.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Map<String, Join> groups = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    joins.forEach(
        j -> {
          groups.putIfAbsent(j.identity(), j);
          counts.merge(j.identity(), 1, Integer::sum);
        });
    List<Join> opening = List.copyOf(groups.values());
    return tx.connection()
        .preparedQuery(
            "insert into notification_group (id, policy, target, channel, address, kind, group_key,"
                + " opened_at, flush_at, state, members)"
                + " select i, p, t, c, a, k, g, $8, f, 'open', m"
                + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],"
                + " $6::text[], $7::text[], $9::timestamptz[], $10::int[])"
                + " as x(i, p, t, c, a, k, g, f, m)"
                + " on conflict (policy, target, address, kind, group_key) where state = 'open'"
                + " do update set members = notification_group.members + excluded.members"
                + " returning id, policy, target, address, kind, group_key, flush_at, members")
        .execute(
            Tuple.from(
                new Object[] {
                  opening.stream().map(Join::candidateId).toArray(String[]::new),
                  opening.stream().map(Join::policy).toArray(String[]::new),
                  opening.stream().map(Join::target).toArray(String[]::new),
                  opening.stream().map(Join::channel).toArray(String[]::new),
                  opening.stream().map(Join::address).toArray(String[]::new),
                  opening.stream().map(Join::kind).toArray(String[]::new),
                  opening.stream().map(Join::key).toArray(String[]::new),
                  utc(now),
                  opening.stream().map(j -> utc(j.flushAt())).toArray(OffsetDateTime[]::new),
                  opening.stream().map(j -> counts.get(j.identity())).toArray(Integer[]::new)
                }))
        .call(rows -> closeFull(tx, rows, now, maxMembers))
        .flatMap(
            rows -> {
              Map<String, Row> open = new HashMap<>();
              for (Row row : rows) {
                open.put(
                    String.join(
                        "\u0000",
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5)),
                    row);
              }
              List<Joined> all =
                  joins.stream()
                      .map(
                          j -> {
                            Row group = open.get(j.identity());
                            return new Joined(
                                j, group.getString(0), group.getOffsetDateTime(6).toInstant());
                          })
                      .toList();
              return addMembers(tx, all, now);
            });
  }

  /** Closes the groups this join filled: due at once, no longer open to joins. */
  private static Uni<Void> closeFull(
      Transaction tx, RowSet<Row> groups, Instant now, int maxMembers) {
    List<String> full = new ArrayList<>();
    for (Row row : groups) {
      if (row.getInteger(7) >= maxMembers) {
        full.add(row.getString(0));
      }
    }
    if (full.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tx.connection()
        .preparedQuery(
            "update notification_group set state = 'full', flush_at = least(flush_at, $2)"
                + " where id = any($1) and state = 'open'")
        .execute(Tuple.of(full.toArray(String[]::new), utc(now)))
        .replaceWithVoid();
  }

  /**
   * Deletes up to {@code limit} groups sent before {@code before}, with their members (their
   * deliveries and audit entries stay); emits how many groups it deleted.
   */
  public Uni<Integer> purgeSent(Transaction tx, Instant before, int limit) {
    return tx.connection()
        .preparedQuery(
            "with gone as (select id from notification_group where state = 'sent'"
                + " and sent_at < $1 order by sent_at limit $2 for update skip locked),"
                + " members as (delete from notification_member m using gone"
                + " where m.group_id = gone.id)"
                + " delete from notification_group g using gone where g.id = gone.id")
        .execute(Tuple.of(utc(before), limit))
        .map(RowSet::rowCount);
  }

  /** A PagerDuty group incident: the target and group key its groups share. */
  public record Incident(String target, String key) {}

  /**
   * Up to {@code limit} PagerDuty group incidents whose every member (in every group of their
   * target and key not resolved yet, sent or still to be sent) has its clock closed: a closing
   * alert ({@code sla.met}, {@code sla.ended}) of its ticket, clock and cycle arrived.
   */
  public Uni<List<Incident>> settledIncidents(Transaction tx, int limit) {
    return tx.connection()
        .preparedQuery(
            "select distinct g.target, g.group_key from notification_group g"
                + " where g.channel = 'pagerduty' and g.resolved_at is null and g.state = 'sent'"
                + " and not exists (select 1 from notification_group o"
                + " join notification_member m on m.group_id = o.id"
                + " join escalation e on e.alert_id = m.alert_id"
                + " where o.channel = 'pagerduty' and o.resolved_at is null"
                + " and o.target = g.target and o.group_key = g.group_key"
                + " and not exists (select 1 from escalation c where c.alert_id in"
                + " (e.ticket_id || '/' || e.clock || '/' || e.cycle || '/sla.met',"
                + " e.ticket_id || '/' || e.clock || '/' || e.cycle || '/sla.ended')))"
                + " limit $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<Incident> incidents = new ArrayList<>();
              rows.forEach(r -> incidents.add(new Incident(r.getString(0), r.getString(1))));
              return incidents;
            });
  }

  /** Marks the incident's groups resolved; emits whether any still was (else another did). */
  public Uni<Boolean> resolved(Transaction tx, Incident incident, Instant now) {
    return tx.connection()
        .preparedQuery(
            "update notification_group set resolved_at = $3 where channel = 'pagerduty'"
                + " and target = $1 and group_key = $2 and resolved_at is null and state = 'sent'")
        .execute(Tuple.of(incident.target(), incident.key(), utc(now)))
        .map(rows -> rows.rowCount() > 0);
  }

  private Uni<List<Joined>> addMembers(Transaction tx, List<Joined> joined, Instant now) {
    int n = joined.size();
    String[] groupIds = new String[n];
    String[] ids = new String[n];
    String[] targets = new String[n];
    Integer[] levels = new Integer[n];
    Integer[] rounds = new Integer[n];
    String[] addresses = new String[n];
    String[] languages = new String[n];
    String[] customerLanguages = new String[n];
    String[] zones = new String[n];
    String[] customerZones = new String[n];
    String[] ackUrls = new String[n];
    String[] traces = new String[n];
    for (int i = 0; i < n; i++) {
      Member m = joined.get(i).join().member();
      groupIds[i] = joined.get(i).groupId();
      ids[i] = m.alertId();
      targets[i] = m.target();
      levels[i] = m.level();
      rounds[i] = m.round();
      addresses[i] = m.address();
      languages[i] = m.language();
      customerLanguages[i] = m.customerLanguage();
      zones[i] = m.zone();
      customerZones[i] = m.customerZone();
      ackUrls[i] = m.ackUrl();
      traces[i] = m.traceparent();
    }
    return tx.connection()
        .preparedQuery(
            "insert into notification_member (group_id, alert_id, target, level, round, address,"
                + " language, customer_language, zone, customer_zone, ack_url, traceparent,"
                + " joined_at) select *, $13 from unnest($1::text[], $2::text[], $3::text[],"
                + " $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],"
                + " $10::text[], $11::text[], $12::text[]) on conflict do nothing"
                + " returning alert_id, target, level, round")
        .execute(
            Tuple.from(
                new Object[] {
                  groupIds,
                  ids,
                  targets,
                  levels,
                  rounds,
                  addresses,
                  languages,
                  customerLanguages,
                  zones,
                  customerZones,
                  ackUrls,
                  traces,
                  utc(now)
                }))
        .map(
            rows -> {
              java.util.Set<String> added = new java.util.HashSet<>();
              for (Row row : rows) {
                added.add(
                    key(row.getString(0), row.getString(1), row.getInteger(2), row.getInteger(3)));
              }
              return joined.stream()
                  .filter(
                      j -> {
                        Member m = j.join().member();
                        return added.contains(key(m.alertId(), m.target(), m.level(), m.round()));
                      })
                  .toList();
            });
  }

  private static String key(String alertId, String target, int level, int round) {
    return alertId + "\u0000" + target + "\u0000" + level + "\u0000" + round;
  }

  /** A member as stored, with its escalation's alert (as received) and state. */
  public record StoredMember(Member member, String payload, String state) {}

  /** A group claimed to be sent, its members in the order they joined. */
  public record ClaimedGroup(
      String id,
      String policy,
      String target,
      String channel,
      String address,
      String kind,
      String key,
      List<StoredMember> members) {}

  /**
   * Claims, for {@code owner}, up to {@code limit} groups due at {@code now}: open ones whose
   * window ended, full ones, and ones being sent whose holder's lease ran out (it died or stalled),
   * oldest first ({@code FOR UPDATE SKIP LOCKED}: a group is claimed by one instance at a time, and
   * one a member is joining is left for the next round); reads their members in the same
   * transaction (none joins a claimed group: a join after the claim opens a new one).
   */
  public Uni<List<ClaimedGroup>> claimDue(
      Transaction tx, String owner, Instant now, Instant leaseUntil, int limit) {
    return tx.connection()
        .preparedQuery(
            "update notification_group set state = 'sending', claimed_by = $3, lease_until = $2"
                + " where id in (select id from notification_group where"
                + " (state in ('open', 'full') and flush_at <= $1)"
                + " or (state = 'sending' and lease_until <= $1)"
                + " order by flush_at limit $4 for update skip locked)"
                + " returning id, policy, target, channel, address, kind, group_key, flush_at")
        .execute(Tuple.of(utc(now), utc(leaseUntil), owner, limit))
        .flatMap(
            rows -> {
              List<Row> groups = new ArrayList<>();
              rows.forEach(groups::add);
              groups.sort((a, b) -> a.getOffsetDateTime(7).compareTo(b.getOffsetDateTime(7)));
              if (groups.isEmpty()) {
                return Uni.createFrom().item(List.<ClaimedGroup>of());
              }
              return members(tx, groups.stream().map(r -> r.getString(0)).toList())
                  .map(
                      members ->
                          groups.stream()
                              .map(
                                  g ->
                                      new ClaimedGroup(
                                          g.getString(0),
                                          g.getString(1),
                                          g.getString(2),
                                          g.getString(3),
                                          g.getString(4),
                                          g.getString(5),
                                          g.getString(6),
                                          members.getOrDefault(g.getString(0), List.of())))
                              .toList());
            });
  }

  private Uni<Map<String, List<StoredMember>>> members(Transaction tx, List<String> groupIds) {
    return tx.connection()
        .preparedQuery(
            "select m.group_id, m.alert_id, m.target, m.level, m.round, m.address, m.language,"
                + " m.customer_language, m.zone, m.customer_zone, m.ack_url, m.traceparent,"
                + " e.payload, e.state from notification_member m"
                + " join escalation e on e.alert_id = m.alert_id"
                + " where m.group_id = any($1) order by m.joined_at, m.alert_id")
        .execute(Tuple.of(groupIds.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, List<StoredMember>> byGroup = new HashMap<>();
              for (Row row : rows) {
                byGroup
                    .computeIfAbsent(row.getString(0), g -> new ArrayList<>())
                    .add(
                        new StoredMember(
                            new Member(
                                row.getString(1),
                                row.getString(2),
                                row.getInteger(3),
                                row.getInteger(4),
                                row.getString(5),
                                row.getString(6),
                                row.getString(7),
                                row.getString(8),
                                row.getString(9),
                                row.getString(10),
                                row.getString(11)),
                            row.getString(12),
                            row.getString(13)));
              }
              return byGroup;
            });
  }

  /**
   * The heartbeat: extends {@code owner}'s claims on these groups (still being sent) to {@code
   * leaseUntil}; a row locked at that moment is skipped, the next beat renews it.
   */
  public Uni<Integer> renew(
      Transaction tx, String owner, Collection<String> groupIds, Instant leaseUntil) {
    if (groupIds.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return tx.connection()
        .preparedQuery(
            "update notification_group set lease_until = greatest(lease_until, $3) where id in"
                + " (select id from notification_group where id = any($1) and claimed_by = $2"
                + " and state = 'sending' for update skip locked)")
        .execute(Tuple.of(groupIds.toArray(String[]::new), owner, utc(leaseUntil)))
        .map(RowSet::rowCount);
  }

  /**
   * Marks the group sent; says whether {@code owner} still held it (else another instance took it
   * over after this one's lease ran out, and sends it too).
   */
  public Uni<Boolean> sent(Transaction tx, String owner, String groupId, Instant now) {
    return tx.connection()
        .preparedQuery(
            "update notification_group set state = 'sent', sent_at = $3, lease_until = null"
                + " where id = $1 and claimed_by = $2 and state = 'sending' returning id")
        .execute(Tuple.of(groupId, owner, utc(now)))
        .map(rows -> rows.size() > 0);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
