package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Reads one profile: to show it ({@code VIEW}, the default), or as the start of a change the caller is about to
 * make ({@code EDIT}, or {@code DELETE} for a delete that checks its {@code If-Match} first), which then needs that
 * permission, not the one to view.
 */
public record GetCustomerProfileQuery(
        @NotNull Caller caller, @NotNull CompanyId companyId, @NotNull CustomerProfileId id,
        @NotNull Permission permission) {

    public GetCustomerProfileQuery(Caller caller, CompanyId companyId, CustomerProfileId id, Permission permission) {
        this.caller = caller;
        this.companyId = companyId;
        this.id = id;
        this.permission = permission;
        SelfValidation.validate(this);
    }

    /** To show the profile. */
    public GetCustomerProfileQuery(Caller caller, CompanyId companyId, CustomerProfileId id) {
        this(caller, companyId, id, Permission.VIEW);
    }

    @AssertTrue(message = "a profile is read to view, to edit or to delete it")
    boolean isToViewEditOrDelete() {
        return permission == null || permission == Permission.VIEW || permission == Permission.EDIT
                || permission == Permission.DELETE;
    }
}
