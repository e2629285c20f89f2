package io.slawatch.timer.api;

import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.service.auth.Roles;
import io.slawatch.timer.plan.PlanProducers.PlanNames;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
  @Operation(summary = "Every plan sla-timer can run")
  public PlansResponse plans() {
    return new PlansResponse(
        names.names().stream()
            .flatMap(name -> catalog.find(name).stream())
            .map(PlansResponse.PlanSummary::of)
            .toList());
  }
}
