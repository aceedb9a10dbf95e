package io.customerclassification.application.port.in.idempotency;

import io.customerclassification.application.model.RecordedAnswer;
import java.util.Objects;

/**
 * How a request made with an idempotency key was answered: by running it, or, for a retry, with the first answer.
 *
 * @param replayed whether {@code answer} is the first answer given again, the request's work not done again
 */
public record IdempotentOutcome(RecordedAnswer answer, boolean replayed) {

    public IdempotentOutcome {
        Objects.requireNonNull(answer, "answer");
    }
}
