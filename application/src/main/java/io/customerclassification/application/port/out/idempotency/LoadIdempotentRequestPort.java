package io.customerclassification.application.port.out.idempotency;

import java.util.Optional;

public interface LoadIdempotentRequestPort {

    /** The request the client made with this key, expired or not; empty when the store has none. */
    Optional<StoredIdempotentRequest> loadIdempotentRequest(String client, String key);
}
