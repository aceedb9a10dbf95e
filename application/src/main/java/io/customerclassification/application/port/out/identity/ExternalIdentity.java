package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.Grant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Who an external issuer's token names, what it grants, and until when. */
public record ExternalIdentity(String user, List<Grant> grants, Instant expiresAt) {

    public ExternalIdentity {
        Objects.requireNonNull(user, "user");
        grants = List.copyOf(grants);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
