package io.customerclassification.domain.customerprofile;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.StaleVersionException;
import java.util.Objects;

/**
 * A flat per-company label (gold, silver, bronze…) saying how mature or risky a customer relationship is.
 * Immutable: every change returns a new instance, of the same version until the store writes it.
 *
 * @param version how many times the record has been written: 1 when created, one more with every change stored
 */
public record CustomerProfile(CustomerProfileId id, CompanyId companyId, Name name, boolean archived, long version) {

    public CustomerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("a version starts at 1, was " + version);
        }
    }

    public CustomerProfile rename(Name newName) {
        return new CustomerProfile(id, companyId, Objects.requireNonNull(newName, "newName"), archived, version);
    }

    public CustomerProfile archive() {
        return new CustomerProfile(id, companyId, name, true, version);
    }

    public CustomerProfile unarchive() {
        return new CustomerProfile(id, companyId, name, false, version);
    }

    /** This profile as stored at {@code storedVersion}. */
    public CustomerProfile atVersion(long storedVersion) {
        return new CustomerProfile(id, companyId, name, archived, storedVersion);
    }

    /**
     * Refuses a change based on another version than this one.
     *
     * @param expected the version the change is based on, or null for a change based on whatever is stored
     * @throws StaleVersionException when {@code expected} is not this profile's version
     */
    public void requireVersion(Long expected) {
        StaleVersionException.check("customer profile", id.value(), expected, version);
    }
}
