package io.customerclassification.domain.identity;

import java.util.List;
import java.util.Objects;

/**
 * An API client: who may call, with which grants. {@code admin} opens the administration of clients, keys and
 * companies; it gives no permission on data by itself (grants do).
 */
public record Client(ClientId id, boolean admin, List<Grant> grants) {

    public Client {
        Objects.requireNonNull(id, "id");
        grants = List.copyOf(grants);
    }

    public Client withAdmin(boolean newAdmin) {
        return new Client(id, newAdmin, grants);
    }

    public Client withGrants(List<Grant> newGrants) {
        return new Client(id, admin, newGrants);
    }
}
