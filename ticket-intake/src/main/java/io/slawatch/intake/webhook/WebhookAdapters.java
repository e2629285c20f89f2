package io.slawatch.intake.webhook;

import io.slawatch.intake.webhook.freshdesk.FreshdeskAdapter;
import io.slawatch.intake.webhook.github.GitHubAdapter;
import io.slawatch.intake.webhook.gitlab.GitLabAdapter;
import io.slawatch.intake.webhook.jira.JiraAdapter;
import io.slawatch.intake.webhook.zammad.ZammadAdapter;
import io.slawatch.intake.webhook.zendesk.ZendeskAdapter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The vendor adapters by vendor name. */
public final class WebhookAdapters {
  private final Map<String, WebhookAdapter> byVendor;

  public WebhookAdapters(List<WebhookAdapter> adapters) {
    this.byVendor =
        adapters.stream()
            .collect(Collectors.toUnmodifiableMap(WebhookAdapter::vendor, Function.identity()));
  }

  /** Every adapter slawatch has. */
  public static WebhookAdapters all() {
    return new WebhookAdapters(
        List.of(
            new GitHubAdapter(),
            new GitLabAdapter(),
            new ZendeskAdapter(),
            new JiraAdapter(),
            new ZammadAdapter(),
            new FreshdeskAdapter()));
  }

  public Optional<WebhookAdapter> get(String vendor) {
    return Optional.ofNullable(byVendor.get(vendor));
  }

  public java.util.Set<String> vendors() {
    return new java.util.TreeSet<>(byVendor.keySet());
  }
}
