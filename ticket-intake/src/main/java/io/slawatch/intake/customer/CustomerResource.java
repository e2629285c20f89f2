package io.slawatch.intake.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.Violation;
import io.slawatch.intake.config.PlanProducers.KnownPlans;
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
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** {@code /api/v1/customers}: create, read, update and list customer records. */
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
                                .entity(codec.toJson(valid.customer()))
                                .type(MediaType.APPLICATION_JSON)
                                .build();
                        case UPDATED ->
                            Response.ok(codec.toJson(valid.customer()))
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
                    .map(json -> Response.ok(json).type(MediaType.APPLICATION_JSON).build())
                    .orElseGet(
                        () ->
                            problem(
                                404,
                                "customer-not-found",
                                "No customer " + id,
                                "create it with POST /api/v1/customers")));
  }

  @GET
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
                        Map.of(
                            "customers",
                            customers,
                            "next",
                            customers.size() == limit
                                ? customers.getLast().get("id").asText()
                                : ""))
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
