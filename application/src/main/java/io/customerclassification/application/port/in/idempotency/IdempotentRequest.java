package io.customerclassification.application.port.in.idempotency;

import io.customerclassification.application.model.RecordedAnswer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a request made with an idempotency key does, and how its adapter answers it.
 *
 * @param work does the request's work (its use cases join the transaction it runs in) and answers it; throws when
 *     the work is refused or fails, and then nothing it wrote remains
 * @param answerToRefusal the answer to a refusal or failure of {@code work}: present when it is final, so that
 *     retries get it again (a refused request, such as a duplicate name); empty when a retry may succeed (the store
 *     busy or full, an unexpected failure), so that the key is released for one
 */
public record IdempotentRequest(Supplier<RecordedAnswer> work,
        Function<RuntimeException, Optional<RecordedAnswer>> answerToRefusal) {

    public IdempotentRequest {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(answerToRefusal, "answerToRefusal");
    }
}
