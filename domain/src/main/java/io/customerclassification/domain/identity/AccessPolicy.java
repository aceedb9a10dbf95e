package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.CompanyId;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a client may do something with a resource of a company (CONTRACT §4): one of its grants must
 * allow the permission on that resource of that company, and when its token is limited to a company, the
 * company must be that one. Admin rights give nothing here: they open the administration, not the data.
 */
public final class AccessPolicy {

    /**
     * @param companyLimit the company the caller's token is limited to, or {@code null} for none
     * @throws PermissionDeniedException when the grants do not allow it
     */
    public void check(ClientId client, List<Grant> grants, CompanyId companyLimit, CompanyId company,
            Resource resource, Permission permission) {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(permission, "permission");
        if (companyLimit != null && !companyLimit.equals(company)) {
            throw new PermissionDeniedException(client, company, resource, permission,
                    PermissionDeniedException.Reason.OUTSIDE_TOKEN_COMPANY);
        }
        if (grants.stream().noneMatch(grant -> grant.allows(company, resource, permission))) {
            throw new PermissionDeniedException(client, company, resource, permission,
                    PermissionDeniedException.Reason.NOT_GRANTED);
        }
    }

    /**
     * Whether the caller may see that {@code company} exists: its token reaches the company and one of its grants
     * gives some permission on some resource of it.
     */
    public boolean reaches(List<Grant> grants, CompanyId companyLimit, CompanyId company) {
        Objects.requireNonNull(company, "company");
        return (companyLimit == null || companyLimit.equals(company))
                && grants.stream().anyMatch(grant -> !grant.permissions().isEmpty()
                        && (grant.isForEveryCompany() || grant.company().equals(company)));
    }

    /** @throws PermissionDeniedException unless the caller {@link #reaches} the company */
    public void checkReach(ClientId client, List<Grant> grants, CompanyId companyLimit, CompanyId company) {
        if (!reaches(grants, companyLimit, company)) {
            throw new PermissionDeniedException(client, company, null, null,
                    companyLimit != null && !companyLimit.equals(company)
                            ? PermissionDeniedException.Reason.OUTSIDE_TOKEN_COMPANY
                            : PermissionDeniedException.Reason.NOT_GRANTED);
        }
    }

    /** @throws AdminRequiredException unless {@code admin} */
    public void checkAdmin(ClientId client, boolean admin) {
        if (!admin) {
            throw new AdminRequiredException(client);
        }
    }
}
