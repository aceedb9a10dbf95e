package io.customerclassification.domain.identity;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record a grant gives permissions on. */
public enum Resource {
    CUSTOMER_PROFILE("customer-profile"),
    CUSTOMER_TYPE("customer-type");

    private final String wireName;

    Resource(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: {@code customer-profile}, {@code customer-type}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Resource> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
