package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.FailedAuthentications;
import java.time.Instant;
import java.util.Optional;

/** The failed client authentications per client id, in the store so that every instance counts alike. */
public interface CountFailedAuthenticationsPort {

    Optional<FailedAuthentications> loadFailedAuthentications(ClientId clientId);

    void saveFailedAuthentications(FailedAuthentications failures);

    /** Forgets the counters whose window started before {@code before}, without reading the others. */
    void forgetFailedAuthenticationsStartedBefore(Instant before);
}
