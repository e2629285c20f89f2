package io.slawatch.notifier.channel.http;

import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The skeleton of the channels that deliver a notification as one HTTP {@code POST} (Slack, Teams,
 * PagerDuty, Alertmanager, webhook): the channel builds its request; the skeleton posts it through
 * {@link JsonPoster} (pacing, circuit breaker, retries with backoff) under the channel's name, with
 * the delivery's trace context, and answers how many attempts it took, or fails with why the
 * destination did not take it (the reason the dead letter carries).
 *
 * <p>A channel is a CDI bean implementing {@code AlertChannel}: found by the notifier without being
 * registered anywhere. (Subclasses are {@code @Singleton}: a client proxy would need a no-argument
 * constructor here.)
 */
public abstract class HttpChannel implements AlertChannel {
  private final JsonPoster poster;

  protected HttpChannel(JsonPoster poster) {
    this.poster = poster;
  }

  /** The request that delivers this notification (asked only of an enabled channel). */
  protected abstract HttpRequest request(Notification notification);

  /**
   * The request that delivers a group as one notification (asked only of an enabled channel that
   * {@link #groups()}).
   */
  protected HttpRequest groupRequest(GroupNotification group) {
    throw new UnsupportedOperationException(name() + " does not take groups");
  }

  @Override
  public final Uni<Integer> deliver(Notification notification) {
    return post(notification, () -> request(notification));
  }

  /** Posts the group's request, traced as its first member's step. */
  @Override
  public final Uni<Integer> deliverGroup(GroupNotification group) {
    return post(group.first(), () -> groupRequest(group));
  }

  private Uni<Integer> post(Notification traced, Supplier<HttpRequest> build) {
    HttpRequest request;
    try {
      request = build.get();
    } catch (RuntimeException e) {
      return Uni.createFrom().failure(e);
    }
    return poster.post(
        name(),
        request.url(),
        request.contentType(),
        traced.traced(request.headers()),
        request.body());
  }

  /** Posts a request of no alert's step (no trace context), with the channel's retries. */
  protected final Uni<Integer> postUntraced(HttpRequest request) {
    return poster.post(
        name(), request.url(), request.contentType(), request.headers(), request.body());
  }

  /** Whether a setting (a URL, a key) is given: present and not blank. */
  protected static boolean configured(Optional<String> setting) {
    return setting.filter(value -> !value.isBlank()).isPresent();
  }
}
