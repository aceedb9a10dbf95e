package io.customerclassification.adapter.http.simpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.EntityTags;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.InvalidBodyException;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.adapter.http.LogText;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.idempotency.IdempotencyKeyReusedException;
import io.customerclassification.application.port.in.idempotency.RequestInProgressException;
import io.customerclassification.adapter.http.RequestIds;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.shared.AccessDeniedException;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.NotFoundException;
import io.customerclassification.domain.shared.StaleVersionException;
import io.javalin.http.Context;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the Simpro dialect turns failures into responses:
 * {@code {"errors":[{"path","message","value"}]}} with the status Simpro uses for them.
 */
final class SimproErrors {

    static final String INVALID_ROUTE = "Invalid route.";
    /** Sent values nested deeper than this are not echoed back (see {@link #echoable}). */
    static final int MAX_ECHOED_DEPTH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SimproErrors.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    SimproErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void render(Exception exception, Context ctx) {
        SimproException refused = refusal(exception);
        if (exception instanceof InvalidTokenException invalid) {
            ctx.header("WWW-Authenticate", BearerAuthentication.challenge(invalid));
            write(ctx, 401, List.of(new SimproProblem(null, invalid.getMessage(), null)));
        } else if (refused != null) {
            if (exception instanceof RequestInProgressException) {
                ctx.header("Retry-After", Integer.toString(HttpDialect.BUSY_RETRY_AFTER_SECONDS));
            }
            write(ctx, refused.status(), refused.problems());
        } else if (exception instanceof StoreFullException) {
            LOG.warn("store full: {} {} -> 507: {}", ctx.method(), LogText.of(ctx.path()),
                    LogText.of(exception.getMessage()));
            write(ctx, 507, List.of(new SimproProblem(null, HttpDialect.STORE_FULL_MESSAGE, null)));
        } else if (exception instanceof StoreBusyException) {
            LOG.warn("busy: {} {} -> 503: {}", ctx.method(), LogText.of(ctx.path()), LogText.of(exception.getMessage()));
            ctx.header("Retry-After", Integer.toString(HttpDialect.BUSY_RETRY_AFTER_SECONDS));
            write(ctx, 503, List.of(new SimproProblem(null, HttpDialect.BUSY_MESSAGE, null)));
        } else {
            String reference = RequestIds.of(ctx);
            LOG.error("Unexpected failure, reference {}: {} {}", reference, ctx.method(), LogText.of(ctx.path()), exception);
            write(ctx, 500, List.of(new SimproProblem(null,
                    "Internal server error. Reference: " + reference, null)));
        }
    }

    /**
     * The 4xx a refusal of the request is answered with, or null for a failure of the server's (busy, full,
     * unexpected), which {@link #render} answers with a 5xx.
     */
    static SimproException refusal(Exception exception) {
        if (exception instanceof SimproException refused) {
            return refused;
        } else if (exception instanceof AccessDeniedException denied) {
            return SimproException.of(403, null, denied.getMessage(), null);
        } else if (exception instanceof InvalidBodyException invalid) {
            return SimproException.of(invalid.problem() == InvalidBodyException.Problem.SIZE ? 413 : 422, null,
                    invalid.describe("Request body"), null);
        } else if (exception instanceof ImportRejectedException rejected) {
            return new SimproException(422, rejected.problems().stream()
                    .map(problem -> new SimproProblem("/rows/" + problem.row() + "/"
                            + SimproDataTransfer.importColumn(problem.field()), problem.message() + ".", null))
                    .toList());
        } else if (exception instanceof DuplicateCustomerProfileNameException duplicate) {
            return SimproException.of(422, "/Name", "Name already exists.", NODES.textNode(duplicate.name().value()));
        } else if (exception instanceof StaleVersionException stale) {
            return preconditionFailed(stale.id(), stale.currentVersion());
        } else if (exception instanceof IdempotencyKeyReusedException reused) {
            return SimproException.of(422, null, "Idempotency-Key " + reused.key() + " was used for another request"
                    + " within the last 24 hours.", NODES.textNode(reused.key()));
        } else if (exception instanceof RequestInProgressException running) {
            return SimproException.of(409, null, "A request with Idempotency-Key " + running.key() + " is still"
                    + " running; retry once it has been answered.", NODES.textNode(running.key()));
        } else if (exception instanceof CompanyNotFoundException) {
            return SimproException.notFound("Company not found.");
        } else if (exception instanceof CustomerProfileNotFoundException) {
            return SimproException.notFound("Customer profile not found.");
        } else if (exception instanceof NotFoundException) {
            return SimproException.notFound("Not found.");
        } else if (exception instanceof InvalidNameException invalid) {
            return new SimproException(422, List.of(nameProblem(invalid)));
        } else if (exception instanceof ConstraintViolationException violations) {
            return new SimproException(422, violations.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(SimproErrors::violation)
                    .toList());
        }
        return null;
    }

    /**
     * The answer a retry of a request made with an idempotency key gets again when the request was refused (a
     * 4xx); empty for a failure of the server's and for a refusal by the caller's grants (which may change), after
     * which the key is released for a retry.
     */
    Optional<RecordedAnswer> finalAnswer(RuntimeException exception, Context ctx) {
        SimproException refused = refusal(exception);
        if (refused == null || refused.status() == 403) {
            return Optional.empty();
        }
        LOG.info("{} {} -> {} (kept for the Idempotency-Key's retries): {}", ctx.method(), LogText.of(ctx.path()),
                refused.status(), LogText.of(refused.getMessage()));
        return Optional.of(new RecordedAnswer(refused.status(), Map.of("Content-Type", "application/json"),
                body(refused.problems()).getBytes(StandardCharsets.UTF_8)));
    }

    void renderNotFound(Context ctx) {
        write(ctx, 404, List.of(new SimproProblem(null, INVALID_ROUTE, null)));
    }

    /** A conditional write whose {@code If-Match} names no tag of the profile's current version. */
    static SimproException preconditionFailed(long id, long currentVersion) {
        return SimproException.of(412, null, "Customer profile " + id + " has changed since it was read: If-Match does"
                + " not name its current ETag " + EntityTags.of(id, currentVersion) + ".", null);
    }

    static SimproProblem nameProblem(InvalidNameException invalid) {
        String message = switch (invalid.reason()) {
            case MISSING -> "Name is required.";
            case EMPTY -> "Name must not be empty.";
            case TOO_LONG -> "Name must be at most 255 characters.";
            case CONTROL_CHARACTER -> "Name must not contain control characters.";
            case SURROUNDING_WHITESPACE -> "Name must not start or end with whitespace.";
            case MALFORMED_UNICODE -> "Name must be well-formed Unicode.";
        };
        return new SimproProblem("/Name", message,
                invalid.rejectedValue() == null ? null : NODES.textNode(invalid.rejectedValue()));
    }

    private static SimproProblem violation(ConstraintViolation<?> violation) {
        return new SimproProblem("/" + violation.getPropertyPath(), violation.getMessage(), null);
    }

    void write(Context ctx, int status, List<SimproProblem> problems) {
        ctx.status(status).contentType("application/json").result(body(problems));
    }

    /** {@code {"errors":[{"path","message","value"}…]}}. */
    String body(List<SimproProblem> problems) {
        ObjectNode body = NODES.objectNode();
        ArrayNode errors = body.putArray("errors");
        for (SimproProblem problem : problems) {
            ObjectNode entry = errors.addObject();
            entry.put("path", problem.path());
            entry.put("message", problem.message());
            entry.set("value", echoable(problem.value()) ? problem.value() : NODES.nullNode());
        }
        return toJson(body);
    }

    /**
     * Whether a sent value is echoed in {@code value}: not when it is nested so deep that the error body would
     * pass the nesting limit of common JSON parsers (Jackson's is 1000), where the client could not read it.
     */
    private static boolean echoable(JsonNode value) {
        return value != null && depth(value, MAX_ECHOED_DEPTH + 1) <= MAX_ECHOED_DEPTH;
    }

    private static int depth(JsonNode value, int limit) {
        if (!value.isContainerNode() || limit == 0) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : value) {
            deepest = Math.max(deepest, depth(child, limit - 1));
        }
        return 1 + deepest;
    }

    String toJson(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
