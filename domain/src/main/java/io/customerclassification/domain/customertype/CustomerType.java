package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.StaleVersionException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of a company's customer type hierarchy (reseller, end user…). The name (the Intacct {@code id}) is
 * immutable; status and parent change through transitions that return a new instance and stamp the audit.
 * Rules that involve other nodes are decided by {@link CustomerTypeHierarchyPolicy}.
 *
 * @param parentKey the parent's key, or {@code null} for a root
 * @param version how many times the record has been written: 1 when created, one more with every change stored
 *     (transitions keep it; the store sets the next one)
 */
public record CustomerType(
        CustomerTypeKey key,
        CompanyId companyId,
        Name name,
        CustomerTypeStatus status,
        CustomerTypeKey parentKey,
        Audit audit,
        long version) {

    public CustomerType {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(audit, "audit");
        if (key.equals(parentKey)) {
            throw new SelfParentException(key);
        }
        if (version < 1) {
            throw new IllegalArgumentException("a version starts at 1, was " + version);
        }
    }

    public Optional<CustomerTypeKey> parent() {
        return Optional.ofNullable(parentKey);
    }

    public boolean isRoot() {
        return parentKey == null;
    }

    public boolean isActive() {
        return status.isActive();
    }

    public CustomerType withStatus(CustomerTypeStatus newStatus, Instant at, String by) {
        Objects.requireNonNull(newStatus, "newStatus");
        return new CustomerType(key, companyId, name, newStatus, parentKey, audit.modified(at, by), version);
    }

    /** Moves this node under {@code newParentKey}, or makes it a root when that is {@code null}. */
    public CustomerType moveTo(CustomerTypeKey newParentKey, Instant at, String by) {
        return new CustomerType(key, companyId, name, status, newParentKey, audit.modified(at, by), version);
    }

    /** This type as stored at {@code storedVersion}. */
    public CustomerType atVersion(long storedVersion) {
        return new CustomerType(key, companyId, name, status, parentKey, audit, storedVersion);
    }

    /**
     * Refuses a change based on another version than this one.
     *
     * @param expected the version the change is based on, or null for a change based on whatever is stored
     * @throws StaleVersionException when {@code expected} is not this type's version
     */
    public void requireVersion(Long expected) {
        StaleVersionException.check("customer type", key.value(), expected, version);
    }
}
