package io.slawatch.timer.api;

import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.timer.plan.PlanProducers.PlanNames;
import io.slawatch.timer.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/plans}: every plan sla-timer can run (files, bundled, presets). */
@Path("/api/v1/plans")
@Roles("read")
public class PlansResource {
  private final PlanCatalog catalog;
  private final PlanNames names;

  PlansResource(PlanCatalog catalog, PlanNames names) {
    this.catalog = catalog;
    this.names = names;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> plans() {
    List<Map<String, Object>> plans =
        names.names().stream()
            .flatMap(name -> catalog.find(name).stream())
            .map(
                plan -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("name", plan.name());
                  entry.put("title", plan.title());
                  entry.put("source", plan.source());
                  entry.put("warnings", plan.warnings().stream().map(Object::toString).toList());
                  entry.put(
                      "pause_statuses",
                      plan.pauseStatuses().stream().map(s -> s.wireName()).sorted().toList());
                  return entry;
                })
            .toList();
    return Map.of("plans", plans);
  }
}
