package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.contract.PortSet;

/** The out-ports of the SQL stores as one {@link PortSet}, for the tests that compare them with the in-memory ones. */
public final class StorePorts {

    private StorePorts() {}

    public static PortSet of(Stores stores) {
        return PortSet.of(stores.transactions(), stores.companies(), stores.customerProfiles(), stores.customerTypes(),
                stores.customerTypeHierarchy(), stores.idempotency());
    }
}
