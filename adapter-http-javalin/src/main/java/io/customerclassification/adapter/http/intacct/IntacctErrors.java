package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.shared.AccessDeniedException;
import io.customerclassification.domain.shared.AuthenticationFailedException;
import io.customerclassification.domain.shared.ConflictException;
import io.customerclassification.domain.shared.DomainException;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.NotFoundException;
import io.customerclassification.domain.shared.RuleViolationException;
import io.customerclassification.domain.shared.StaleVersionException;
import io.javalin.http.Context;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where the Intacct dialect turns failures into its error envelope. */
final class IntacctErrors {

    private static final Logger LOG = LoggerFactory.getLogger(IntacctErrors.class);

    void render(Exception exception, Context ctx) {
        String supportId = RequestIds.of(ctx);
        IntacctError error = translate(exception, supportId);
        if (exception instanceof InvalidTokenException invalid) {
            ctx.header("WWW-Authenticate", BearerAuthentication.challenge(invalid));
        }
        if (exception instanceof StoreBusyException) {
            LOG.warn("supportId={} {} {} -> 503 busy: {}", supportId, ctx.method(), LogText.of(ctx.path()),
                    LogText.of(exception.getMessage()));
            ctx.header("Retry-After", Integer.toString(HttpDialect.BUSY_RETRY_AFTER_SECONDS));
        } else if (exception instanceof StoreFullException) {
            LOG.warn("supportId={} {} {} -> 507 store full: {}", supportId, ctx.method(), LogText.of(ctx.path()),
                    LogText.of(exception.getMessage()));
        } else if (exception instanceof RequestInProgressException) {
            LOG.info("supportId={} {} {} -> 409 {}", supportId, ctx.method(), LogText.of(ctx.path()),
                    LogText.of(error.message()));
            ctx.header("Retry-After", Integer.toString(HttpDialect.BUSY_RETRY_AFTER_SECONDS));
        } else if (error.status() >= 500) {
            LOG.error("supportId={} {} {} failed", supportId, ctx.method(), LogText.of(ctx.path()), exception);
        } else {
            LOG.info("supportId={} {} {} -> {} {} {}", supportId, ctx.method(), LogText.of(ctx.path()), error.status(),
                    error.errorId(), LogText.of(error.message()));
        }
        write(ctx, error, supportId);
    }

    /**
     * The answer a retry of a request made with an idempotency key gets again when the request was refused (a 4xx);
     * empty for a failure of the server's and for a refusal by the caller's grants (which may change), after which
     * the key is released for a retry.
     */
    Optional<RecordedAnswer> finalAnswer(RuntimeException exception, Context ctx) {
        String supportId = RequestIds.of(ctx);
        IntacctError error = translate(exception, supportId);
        if (error.status() >= 500 || error.status() == 403) {
            return Optional.empty();
        }
        LOG.info("supportId={} {} {} -> {} {} {} (kept for the Idempotency-Key's retries)", supportId, ctx.method(),
                LogText.of(ctx.path()), error.status(), error.errorId(), LogText.of(error.message()));
        return Optional.of(new RecordedAnswer(error.status(), Map.of("Content-Type", "application/json"),
                IntacctJson.text(envelope(error, supportId)).getBytes(StandardCharsets.UTF_8)));
    }

    void renderNotFound(Context ctx) {
        render(new IntacctException(IntacctCodes.notFound("No such resource: " + ctx.path())), ctx);
    }

    static IntacctError translate(Exception exception, String supportId) {
        if (exception instanceof IntacctException refused) {
            return refused.error();
        }
        if (exception instanceof StoreBusyException) {
            return IntacctCodes.refused(503, HttpDialect.BUSY_MESSAGE);
        }
        if (exception instanceof StoreFullException) {
            return IntacctCodes.refused(507, HttpDialect.STORE_FULL_MESSAGE);
        }
        if (exception instanceof IdempotencyKeyReusedException reused) {
            return IntacctCodes.idempotencyKeyReused(reused.key());
        }
        if (exception instanceof RequestInProgressException running) {
            return IntacctCodes.requestInProgress(running.key());
        }
        if (exception instanceof InvalidBodyException invalid) {
            String message = invalid.describe("The payload");
            return switch (invalid.problem()) {
                case ENCODING -> IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidEncoding(message)));
                case SYNTAX -> IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidJson(message)));
                case CSV -> IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidCsv(message)));
                case SIZE -> IntacctCodes.importTooLarge(message);
            };
        }
        if (exception instanceof ImportRejectedException rejected) {
            return IntacctCodes.importRejected(rejected.problems().stream()
                    .map(problem -> IntacctCodes.importRow("/rows/" + problem.row() + "/"
                            + IntacctDataTransfer.importColumn(problem.field()), problem.message()))
                    .toList());
        }
        if (exception instanceof DomainException domain) {
            return translateDomain(domain);
        }
        if (exception instanceof ConstraintViolationException violations) {
            return IntacctCodes.payloadErrors(violations.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> IntacctCodes.invalidValue("/" + v.getPropertyPath(), v.getMessage()))
                    .toList());
        }
        return IntacctCodes.internal(supportId);
    }

    private static IntacctError translateDomain(DomainException exception) {
        if (exception instanceof AuthenticationFailedException e) {
            return IntacctCodes.unauthorized(e.getMessage());
        }
        if (exception instanceof AccessDeniedException e) {
            return IntacctCodes.forbidden(e.getMessage());
        }
        if (exception instanceof CompanyNotFoundException e) {
            return IntacctCodes.entityNotFound(e.companyId().toString());
        }
        if (exception instanceof CustomerTypeNotFoundException e) {
            return IntacctCodes.notFound("Customer type with key " + e.key() + " does not exist");
        }
        if (exception instanceof DuplicateCustomerTypeNameException e) {
            return IntacctCodes.conflict(e.name().value());
        }
        if (exception instanceof StaleVersionException e) {
            return IntacctCodes.preconditionFailed(e.id(), e.currentVersion());
        }
        if (exception instanceof InvalidNameException e) {
            return IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidValue("/id", "id " + e.reason().description())));
        }
        if (exception instanceof RuleViolationException violation) {
            return IntacctCodes.rule(IntacctCodes.Rule.of(violation), violation.getMessage(),
                    IntacctCodes.placeholders(violation));
        }
        // refusals without a code of their own yet (added to the domain later) still get their category's 4xx
        if (exception instanceof NotFoundException) {
            return IntacctCodes.notFound(exception.getMessage());
        }
        if (exception instanceof ConflictException) {
            return IntacctCodes.otherConflict(exception.getMessage());
        }
        return IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidValue(null, exception.getMessage())));
    }

    static void write(Context ctx, IntacctError error, String supportId) {
        IntacctJson.write(ctx, error.status(), envelope(error, supportId));
    }

    /**
     * The body of a request refused before any route ran, its {@code supportId} the request's id; the server writes
     * the status and headers.
     */
    String refusalBody(int status, String reason, String supportId) {
        LOG.info("supportId={} refused with {}: {}", supportId, status, LogText.of(reason));
        return IntacctJson.text(envelope(IntacctCodes.refused(status, reason), supportId));
    }

    private static ObjectNode envelope(IntacctError error, String supportId) {
        ObjectNode envelope = IntacctJson.NODES.objectNode();
        ObjectNode body = envelope.putObject("ia::result").putObject("ia::error");
        body.put("code", error.code());
        body.put("message", error.message());
        body.put("errorId", error.errorId());
        ObjectNode info = body.putObject("additionalInfo");
        info.put("messageId", error.messageId());
        ObjectNode placeholders = info.putObject("placeholders");
        error.placeholders().forEach(placeholders::put);
        info.putObject("propertySet");
        body.put("supportId", supportId);
        if (!error.details().isEmpty()) {
            ArrayNode details = body.putArray("details");
            for (IntacctError detail : error.details()) {
                ObjectNode entry = details.addObject();
                entry.put("code", detail.code());
                entry.put("message", detail.message());
                entry.put("errorId", detail.errorId());
                if (detail.target() != null) {
                    entry.put("target", detail.target());
                }
            }
        }
        ObjectNode meta = envelope.putObject("ia::meta");
        meta.put("totalCount", 1);
        meta.put("totalSuccess", 0);
        meta.put("totalError", 1);
        return envelope;
    }
}
