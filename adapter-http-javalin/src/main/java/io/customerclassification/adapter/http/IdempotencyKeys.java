package io.customerclassification.adapter.http;

import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.idempotency.IdempotentOutcome;
import io.customerclassification.application.port.in.idempotency.IdempotentRequest;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestCommand;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestUseCase;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of POST requests in both dialects (CONTRACT §3.2): reading the header, the fingerprint
 * a retry must match, and writing an answer, first or given again.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Marks an answer given again to a retry: the request's work was not done again. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {}

    /**
     * The request's key, or empty without the header.
     *
     * @param invalid the dialect's refusal of a header that is not one key of 1 to 255 visible ASCII characters
     */
    public static Optional<String> key(Context ctx, Function<String, RuntimeException> invalid) {
        List<String> values = Collections.list(ctx.req().getHeaders(HEADER));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1 || !KEY.matcher(values.get(0)).matches()) {
            throw invalid.apply(String.join(", ", values));
        }
        return Optional.of(values.get(0));
    }

    /**
     * What a retry must repeat to get the first answer: the operation, the company and the body, byte for byte
     * (SHA-256 of them).
     *
     * @param operation the dialect's name of the operation, such as {@code simpro POST customerProfiles}
     */
    public static byte[] fingerprint(String operation, CompanyId company, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] name = operation.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
            digest.update(name);
            digest.update(ByteBuffer.allocate(8).putLong(company.value()).array());
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Answers a POST that adds a record of {@code resource} to {@code company}: by doing its work without a key; with
     * one, at most once per caller and key ({@link RunIdempotentRequestUseCase}), fingerprinted by {@code operation},
     * {@code company} and the body.
     *
     * @param work does the request's work and answers it
     * @param finalAnswer the dialect's answer to a refusal of the work, when it is final (a 4xx)
     */
    public static void answer(Context ctx, Optional<String> key, RunIdempotentRequestUseCase idempotency,
            Caller caller, Resource resource, String operation, CompanyId company, Supplier<RecordedAnswer> work,
            Function<RuntimeException, Optional<RecordedAnswer>> finalAnswer) {
        if (key.isEmpty()) {
            write(ctx, work.get());
            return;
        }
        write(ctx, idempotency.runIdempotentRequest(
                new RunIdempotentRequestCommand(caller, company, resource, key.get(),
                        fingerprint(operation, company, ctx.bodyAsBytes())),
                new IdempotentRequest(work, finalAnswer)));
    }

    /** Writes the answer; one given again to a retry says so ({@value #REPLAYED}: true). */
    static void write(Context ctx, IdempotentOutcome outcome) {
        if (outcome.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        write(ctx, outcome.answer());
    }

    /** Writes a first answer. */
    static void write(Context ctx, RecordedAnswer answer) {
        ctx.status(answer.status());
        answer.headers().forEach(ctx::header);
        ctx.result(answer.body());
    }
}
