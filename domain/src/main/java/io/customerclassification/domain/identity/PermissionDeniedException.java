package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.AccessDeniedException;
import io.customerclassification.domain.shared.CompanyId;

/** The caller has no grant for this permission on this resource of this company (or none at all on it). */
public final class PermissionDeniedException extends AccessDeniedException {

    /** Why the permission is missing. */
    public enum Reason {
        /** None of the client's grants gives it. */
        NOT_GRANTED,
        /** The token is limited to another company. */
        OUTSIDE_TOKEN_COMPANY
    }

    private final ClientId client;
    private final CompanyId company;
    private final Resource resource;
    private final Permission permission;
    private final Reason reason;

    public PermissionDeniedException(ClientId client, CompanyId company, Resource resource, Permission permission,
            Reason reason) {
        super(message(company, resource, permission, reason));
        this.client = client;
        this.company = company;
        this.resource = resource;
        this.permission = permission;
        this.reason = reason;
    }

    private static String message(CompanyId company, Resource resource, Permission permission, Reason reason) {
        String what = permission == null ? "permission on company " + company
                : "permission '" + permission.wireName() + "' on " + resource.wireName() + " of company " + company;
        return reason == Reason.OUTSIDE_TOKEN_COMPANY
                ? "The token is limited to another company than company " + company + " (" + what + ")"
                : "The client has no " + what;
    }

    /** The client refused, or {@code null} when the caller was no client. */
    public ClientId client() {
        return client;
    }

    public CompanyId company() {
        return company;
    }

    /** The resource asked for, or {@code null} when any permission on the company would have done. */
    public Resource resource() {
        return resource;
    }

    /** The permission asked for, or {@code null} when any permission on the company would have done. */
    public Permission permission() {
        return permission;
    }

    public Reason reason() {
        return reason;
    }
}
