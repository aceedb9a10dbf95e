package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.CompanyId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Permissions on one resource of one company, or of every company ({@code company} {@code null}, written
 * {@code "*"} on the wire). An empty permission set is allowed: it grants nothing.
 */
public record Grant(CompanyId company, Resource resource, Set<Permission> permissions) {

    public Grant {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(permissions, "permissions");
        // an EnumSet keeps the permissions in their declared order, so that every listing shows them alike
        permissions = Collections.unmodifiableSet(
                permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    public static Grant on(CompanyId company, Resource resource, Set<Permission> permissions) {
        return new Grant(Objects.requireNonNull(company, "company"), resource, permissions);
    }

    public static Grant onEveryCompany(Resource resource, Set<Permission> permissions) {
        return new Grant(null, resource, permissions);
    }

    public boolean isForEveryCompany() {
        return company == null;
    }

    /** Whether this grant gives {@code permission} on {@code resource} of {@code companyId}. */
    public boolean allows(CompanyId companyId, Resource resource, Permission permission) {
        return this.resource == resource && permissions.contains(permission)
                && (company == null || company.equals(companyId));
    }
}
