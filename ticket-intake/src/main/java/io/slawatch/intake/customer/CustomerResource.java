package io.slawatch.intake.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.Violation;
import io.slawatch.intake.config.PlanProducers.KnownPlans;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/** {@code /api/v1/customers}: create, read, update and list customer records. */
@Roles("admin")
@Path("/api/v1/customers")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CustomerResource {
  private static final Logger LOG = Logger.getLogger(CustomerResource.class);

  private final CustomerRegistry registry;
  private final CustomerCodec codec;
  private final KnownPlans plans;

  private final ObjectMapper mapper;

  CustomerResource(
      CustomerRegistry registry, CustomerCodec codec, KnownPlans plans, ObjectMapper mapper) {
    this.registry = registry;
    this.codec = codec;
    this.plans = plans;
    this.mapper = mapper;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a customer")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerDocument.class)))
  @APIResponse(
      responseCode = "201",
      description = "Stored and published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerDocument.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid customer record: the problem names every offending field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The customer exists already (use PUT)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "PostgreSQL or Kafka is away: nothing was kept, retry",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(byte[] bytes) {
    JsonNode body;
    try {
      body = mapper.readTree(bytes);
    } catch (IOException e) {
      return Uni.createFrom().item(unreadable(e));
    }
    return save(body, true);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace a customer")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerDocument.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created, stored and published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerDocument.class)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced, stored and published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerDocument.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid customer record: the problem names every offending field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "PostgreSQL or Kafka is away: nothing was kept, retry",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> replace(@PathParam("id") String id, byte[] bytes) {
    Optional<String> badId = Limits.customerId(id);
    if (badId.isPresent()) {
      return Uni.createFrom().item(invalid(List.of(new Violation("id", badId.get()))));
    }
    JsonNode body;
    try {
      body = mapper.readTree(bytes);
    } catch (IOException e) {
      return Uni.createFrom().item(unreadable(e));
    }
    if (body instanceof ObjectNode object) {
      JsonNode given = object.get("id");
      if (given == null || given.isNull()) {
        object.put("id", id);
      } else if (!id.equals(given.asText())) {
        return Uni.createFrom()
            .item(
                invalid(
                    List.of(new Violation("id", "must match the id in the path (" + id + ")"))));
      }
    }
    return save(body, false);
  }

  private Uni<Response> save(JsonNode body, boolean createOnly) {
    return switch (codec.decode(body, plans)) {
      case CustomerCodec.Result.Invalid invalid ->
          Uni.createFrom().item(invalid(invalid.violations()));
      case CustomerCodec.Result.Valid valid ->
          registry
              .save(valid.customer(), createOnly)
              .map(
                  outcome ->
                      switch (outcome) {
                        case CREATED ->
                            Response.created(
                                    UriBuilder.fromPath("/api/v1/customers/{id}")
                                        .build(valid.customer().id().value()))
                                .entity(registry.document(valid.customer()))
                                .type(MediaType.APPLICATION_JSON)
                                .build();
                        case UPDATED ->
                            Response.ok(registry.document(valid.customer()))
                                .type(MediaType.APPLICATION_JSON)
                                .build();
                        case ALREADY_EXISTS ->
                            problem(
                                409,
                                "customer-exists",
                                "Customer " + valid.customer().id() + " exists already",
                                "use PUT /api/v1/customers/" + valid.customer().id());
                      })
              .onFailure()
              .recoverWithItem(
                  failure -> {
                    LOG.errorf(failure, "could not save customer %s", valid.customer().id());
                    return problem(
                        503,
                        "unavailable",
                        "The customer could not be stored and published; nothing was kept",
                        "retry later: " + failure.getMessage());
                  });
    };
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a customer")
  @APIResponse(
      responseCode = "200",
      description = "The customer",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerDocument.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid id",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such customer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> read(@PathParam("id") String id) {
    Optional<String> badId = Limits.identifier(id);
    if (badId.isPresent()) {
      return Uni.createFrom().item(invalid(List.of(new Violation("id", badId.get()))));
    }
    return registry
        .find(id)
        .map(
            found ->
                found
                    .map(customer -> Response.ok(customer).type(MediaType.APPLICATION_JSON).build())
                    .orElseGet(
                        () ->
                            problem(
                                404,
                                "customer-not-found",
                                "No customer " + id,
                                "create it with POST /api/v1/customers")));
  }

  @GET
  @Operation(summary = "List customers in id order, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of customers",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A wrong 'after' or 'limit': the problem names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> list(
      @QueryParam("after") @DefaultValue("") String after,
      @QueryParam("limit") @DefaultValue("100") String limitText) {
    Optional<String> badAfter = Limits.identifier(after);
    if (badAfter.isPresent()) {
      return Uni.createFrom().item(invalid(List.of(new Violation("after", badAfter.get()))));
    }
    int limit = number(limitText);
    if (limit < 1 || limit > 1000) {
      return Uni.createFrom()
          .item(invalid(List.of(new Violation("limit", "must be between 1 and 1000"))));
    }
    return registry
        .list(after, limit)
        .map(
            customers ->
                Response.ok(
                        new CustomerPage(
                            customers, customers.size() == limit ? customers.getLast().id() : ""))
                    .type(MediaType.APPLICATION_JSON)
                    .build());
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Response unreadable(IOException e) {
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return invalid(List.of(Limits.unreadable("", message)));
  }

  private static Response invalid(List<Violation> violations) {
    return Problem.response(
        400,
        "invalid-customer",
        "The customer record is not valid",
        violations.size() + " field(s) are wrong",
        violations);
  }

  private static Response problem(int status, String type, String title, String detail) {
    return Problem.response(status, type, title, detail, List.of());
  }
}
