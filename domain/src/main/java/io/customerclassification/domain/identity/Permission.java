package io.customerclassification.domain.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a grant allows on a resource of a company; Sage Intacct's permission names. */
public enum Permission {
    /** Read many records: collections, the query service, hierarchy reads, export. */
    LIST,
    /** Read one record by its key. */
    VIEW,
    /** Create records (a POST, an import). */
    ADD,
    /** Change records (a PATCH, an import that updates). */
    EDIT,
    /** Delete records. */
    DELETE;

    /** The name on the wire: {@code list}, {@code view}, {@code add}, {@code edit}, {@code delete}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }
}
