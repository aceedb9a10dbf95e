package io.customerclassification.domain.customertype;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Who created and last modified a record, and when. Times are kept at second precision (CONTRACT §0); the
 * users are absent while the product has no credentials.
 */
public record Audit(Instant createdAt, String createdBy, Instant modifiedAt, String modifiedBy) {

    public Audit {
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        modifiedAt = Objects.requireNonNull(modifiedAt, "modifiedAt").truncatedTo(ChronoUnit.SECONDS);
        if (modifiedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("modifiedAt " + modifiedAt + " is before createdAt " + createdAt);
        }
    }

    public static Audit created(Instant at, String by) {
        return new Audit(at, by, at, by);
    }

    public Audit modified(Instant at, String by) {
        Instant when = at.isBefore(createdAt) ? createdAt : at;
        return new Audit(createdAt, createdBy, when, by);
    }

    public Optional<String> creator() {
        return Optional.ofNullable(createdBy);
    }

    public Optional<String> modifier() {
        return Optional.ofNullable(modifiedBy);
    }
}
