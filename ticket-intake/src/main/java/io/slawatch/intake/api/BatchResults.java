package io.slawatch.intake.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one result per event, in the batch's order. */
@Schema(description = "One result per event of the batch, in its order")
public record BatchResults(List<BatchResult> results) {}
