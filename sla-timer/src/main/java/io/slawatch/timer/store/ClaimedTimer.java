package io.slawatch.timer.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A due timer the firing loop claimed (deleted in its transaction): the alert to publish as it is
 * ({@code payload}), keyed by its ticket, and the columns it is measured by.
 *
 * @param traceparent the trace the alert continues (empty: none came with the ticket's event)
 * @param subject whose timer it was: a ticket's or an engagement's ({@code ticket} is then the
 *     engagement id)
 */
public record ClaimedTimer(
    String alertId,
    String ticket,
    String payload,
    Instant fireAt,
    String kind,
    String plan,
    String priority,
    String clock,
    Optional<Duration> elapsed,
    Optional<String> traceparent,
    SubjectKind subject) {}
