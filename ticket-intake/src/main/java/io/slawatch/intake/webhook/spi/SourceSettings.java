package io.slawatch.intake.webhook.spi;

import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One webhook source, resolved: whose tickets they are and its vocabularies (the vendor's defaults
 * overridden by the configuration), keyed by {@link #word(String)}.
 */
public record SourceSettings(
    String source,
    String customer,
    Optional<String> plan,
    Priority defaultPriority,
    Map<String, Priority> priorities,
    Map<String, TicketStatus> statuses,
    Map<String, String> milestones) {
  public SourceSettings {
    priorities = Map.copyOf(priorities);
    statuses = Map.copyOf(statuses);
    milestones = Map.copyOf(milestones);
  }

  /**
   * {@link #resolve(WebhookAdapter, String, String, Optional, String, Map, Map, Map)} without
   * milestones.
   */
  public static SourceSettings resolve(
      WebhookAdapter adapter,
      String source,
      String customer,
      Optional<String> plan,
      String defaultPriority,
      Map<String, String> priorityWords,
      Map<String, String> statusWords) {
    return resolve(
        adapter, source, customer, plan, defaultPriority, priorityWords, statusWords, Map.of());
  }

  /**
   * {@link #resolve(WebhookAdapter, String, String, Optional, String, Map, Map, Map, Map)} with
   * milestones from {@code milestone-labels} only.
   */
  public static SourceSettings resolve(
      WebhookAdapter adapter,
      String source,
      String customer,
      Optional<String> plan,
      String defaultPriority,
      Map<String, String> priorityWords,
      Map<String, String> statusWords,
      Map<String, String> milestoneWords) {
    return resolve(
        adapter,
        source,
        customer,
        plan,
        defaultPriority,
        priorityWords,
        statusWords,
        milestoneWords,
        Map.of());
  }

  /**
   * The source's settings with the vendor's default vocabularies overridden by the configured words
   * ({@code priority-labels.<word>=P1..P4}, {@code statuses.<word>=NEW..CLOSED}), and the labels,
   * tags or field values that mark a milestone ({@code milestone-labels.<word>=<milestone name>},
   * or its synonym {@code milestone-tags.<word>=<milestone name>}).
   *
   * @throws IllegalArgumentException naming the key whose value is not a priority, status or
   *     milestone name, or the two keys that map one word to two milestones
   */
  public static SourceSettings resolve(
      WebhookAdapter adapter,
      String source,
      String customer,
      Optional<String> plan,
      String defaultPriority,
      Map<String, String> priorityWords,
      Map<String, String> statusWords,
      Map<String, String> milestoneLabels,
      Map<String, String> milestoneTags) {
    String prefix = "slawatch.intake.webhooks." + source + ".";
    Map<String, Priority> priorities = new HashMap<>(adapter.defaultPriorities());
    priorityWords.forEach(
        (word, value) ->
            priorities.put(
                word(word),
                Priority.parse(value)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                prefix
                                    + "priority-labels."
                                    + word
                                    + "="
                                    + value
                                    + ": must be one of P1, P2, P3, P4"))));
    Map<String, TicketStatus> statuses = new HashMap<>(adapter.defaultStatuses());
    statusWords.forEach(
        (word, value) ->
            statuses.put(
                word(word),
                TicketStatus.parse(value)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                prefix
                                    + "statuses."
                                    + word
                                    + "="
                                    + value
                                    + ": must be one of NEW, OPEN, PENDING, ON_HOLD, SOLVED,"
                                    + " CLOSED"))));
    Map<String, String> milestones = new HashMap<>();
    Map<String, String> milestoneKeys = new HashMap<>();
    for (var vocabulary :
        List.of(
            Map.entry("milestone-labels", milestoneLabels),
            Map.entry("milestone-tags", milestoneTags))) {
      vocabulary
          .getValue()
          .forEach(
              (word, name) -> {
                String key = prefix + vocabulary.getKey() + "." + word;
                if (!TicketEvent.Milestone.isName(name)) {
                  throw new IllegalArgumentException(
                      key
                          + "="
                          + name
                          + ": a milestone name is "
                          + TicketEvent.Milestone.NAME_CHARS
                          + ", 1 to "
                          + TicketEvent.Milestone.MAX_NAME_LENGTH
                          + " characters");
                }
                String before = milestones.put(word(word), name);
                if (before != null && !before.equals(name)) {
                  throw new IllegalArgumentException(
                      key
                          + "="
                          + name
                          + ": "
                          + milestoneKeys.get(word(word))
                          + "="
                          + before
                          + " maps the same word to another milestone");
                }
                milestoneKeys.putIfAbsent(word(word), key);
              });
    }
    return new SourceSettings(
        source,
        customer,
        plan,
        Priority.parse(defaultPriority)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        prefix + "default-priority=" + defaultPriority + ": must be P1..P4")),
        priorities,
        statuses,
        milestones);
  }

  /**
   * A vendor word as a vocabulary key: lower case, runs of spaces, underscores and dashes as one
   * dash ({@code "Waiting for customer"} → {@code waiting-for-customer}, {@code "2 normal"} →
   * {@code 2-normal}), so that every key can be written in a properties file or an environment
   * variable.
   */
  public static String word(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
  }

  /** The vendor word's priority: the vocabulary's, else a canonical {@code P1}..{@code P4}. */
  public Optional<Priority> priority(String vendorWord) {
    if (vendorWord == null || vendorWord.isBlank()) {
      return Optional.empty();
    }
    Priority mapped = priorities.get(word(vendorWord));
    return mapped != null ? Optional.of(mapped) : Priority.parse(vendorWord);
  }

  /** The vendor word's status: the vocabulary's, else a canonical status name. */
  public Optional<TicketStatus> status(String vendorWord) {
    if (vendorWord == null || vendorWord.isBlank()) {
      return Optional.empty();
    }
    TicketStatus mapped = statuses.get(word(vendorWord));
    return mapped != null
        ? Optional.of(mapped)
        : TicketStatus.parse(vendorWord.replace(' ', '_').toLowerCase(Locale.ROOT));
  }

  /** The milestone a vendor word (a label, a tag) marks, if the source maps it to one. */
  public Optional<String> milestone(String vendorWord) {
    return vendorWord == null || vendorWord.isBlank()
        ? Optional.empty()
        : Optional.ofNullable(milestones.get(word(vendorWord)));
  }

  /**
   * The milestones a ticket's current tags (or labels) mark, each once, in the order of the tags: a
   * tag the source maps to a milestone, unless it is also one of the source's priority or status
   * words (it keeps that meaning).
   */
  public List<String> milestones(Iterable<String> tags) {
    Set<String> names = new LinkedHashSet<>();
    for (String tag : tags) {
      if (priority(tag).isEmpty() && status(tag).isEmpty()) {
        milestone(tag).ifPresent(names::add);
      }
    }
    return List.copyOf(names);
  }

  /**
   * A milestone a ticket's tag marks, with an id fixed by the ticket and the milestone ({@code
   * milestone/<ticket key>/<name>}): every later delivery still carrying the tag makes the same
   * event, a duplicate, so the tag marks the milestone once (a second cycle comes through the
   * events API).
   */
  public static TicketEvent.Milestone taggedMilestone(
      String eventSource, TicketId ticket, String ticketKey, Instant at, String name) {
    return new TicketEvent.Milestone(
        new EventId(eventSource, "milestone/" + ticketKey + "/" + name), ticket, at, name);
  }

  /**
   * The milestones {@link #milestones(Iterable) the tags mark}, as {@link #taggedMilestone} events
   * of the ticket at {@code at}.
   */
  public List<TicketEvent> taggedMilestones(
      Iterable<String> tags, String eventSource, TicketId ticket, String ticketKey, Instant at) {
    return milestones(tags).stream()
        .<TicketEvent>map(name -> taggedMilestone(eventSource, ticket, ticketKey, at, name))
        .toList();
  }

  /** The first of these vendor words (labels, say) that names a priority. */
  public Optional<Priority> firstPriority(Iterable<String> vendorWords) {
    for (String word : vendorWords) {
      Optional<Priority> priority = priority(word);
      if (priority.isPresent()) {
        return priority;
      }
    }
    return Optional.empty();
  }

  /**
   * A new ticket of this source: the source's customer and plan, the priority (else the source's
   * default) and the status (else new) the vendor gave.
   */
  public TicketEvent.Created created(
      EventId id,
      TicketId ticket,
      Instant at,
      Optional<Priority> priority,
      Optional<TicketStatus> status,
      String channel,
      String requester) {
    return created(id, ticket, at, priority, status, channel, requester, Optional.empty());
  }

  /** A new ticket of this source, with its URL in the helpdesk when the payload gives one. */
  public TicketEvent.Created created(
      EventId id,
      TicketId ticket,
      Instant at,
      Optional<Priority> priority,
      Optional<TicketStatus> status,
      String channel,
      String requester,
      Optional<URI> url) {
    return new TicketEvent.Created(
        id,
        ticket,
        at,
        new CustomerId(customer),
        priority.orElse(defaultPriority),
        plan,
        status.orElse(TicketStatus.NEW),
        channel,
        requester,
        java.util.Set.of(),
        url);
  }

  /** The configuration key that would map this word, for error messages. */
  public String key(String vocabulary, String vendorWord) {
    return "slawatch.intake.webhooks." + source + "." + vocabulary + "." + word(vendorWord);
  }
}
