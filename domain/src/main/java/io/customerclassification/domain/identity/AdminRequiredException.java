package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.AccessDeniedException;

/** Only an admin client may administer clients, keys and companies. */
public final class AdminRequiredException extends AccessDeniedException {

    private final ClientId client;

    public AdminRequiredException(ClientId client) {
        super("Only an admin client may do this");
        this.client = client;
    }

    /** The client refused, or {@code null} when the caller was no client. */
    public ClientId client() {
        return client;
    }
}
