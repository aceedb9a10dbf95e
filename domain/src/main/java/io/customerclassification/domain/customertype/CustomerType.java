package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of a company's customer type hierarchy (reseller, end user…). The name (the Intacct {@code id}) is
 * immutable; status and parent change through transitions that return a new instance and stamp the audit.
 * Rules that involve other nodes are decided by {@link CustomerTypeHierarchyPolicy}.
 *
 * @param parentKey the parent's key, or {@code null} for a root
 */
public record CustomerType(
        CustomerTypeKey key,
        CompanyId companyId,
        Name name,
        CustomerTypeStatus status,
        CustomerTypeKey parentKey,
        Audit audit) {

    public CustomerType {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(audit, "audit");
        if (key.equals(parentKey)) {
            throw new SelfParentException(key);
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
        return new CustomerType(key, companyId, name, newStatus, parentKey, audit.modified(at, by));
    }

    /** Moves this node under {@code newParentKey}, or makes it a root when that is {@code null}. */
    public CustomerType moveTo(CustomerTypeKey newParentKey, Instant at, String by) {
        return new CustomerType(key, companyId, name, status, newParentKey, audit.modified(at, by));
    }
}
