package io.slawatch.intake.customer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of customers in id order, and where the next page starts. */
@Schema(description = "Customers in id order")
public record CustomerPage(
    List<CustomerDocument> customers,
    @Schema(
            description =
                "the id to pass as 'after' for the next page; empty when this page is the last")
        String next) {}
