package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Reads one type: to show it ({@code VIEW}, the default), or as the start of a change the caller is about to make
 * ({@code EDIT}, or {@code DELETE} for a delete that checks its {@code If-Match} first), which then needs that
 * permission, not the one to view.
 */
public record GetCustomerTypeQuery(
        @NotNull Caller caller, @NotNull CompanyId companyId, @NotNull CustomerTypeKey key,
        @NotNull Permission permission) {

    public GetCustomerTypeQuery(Caller caller, CompanyId companyId, CustomerTypeKey key, Permission permission) {
        this.caller = caller;
        this.companyId = companyId;
        this.key = key;
        this.permission = permission;
        SelfValidation.validate(this);
    }

    /** To show the type. */
    public GetCustomerTypeQuery(Caller caller, CompanyId companyId, CustomerTypeKey key) {
        this(caller, companyId, key, Permission.VIEW);
    }

    @AssertTrue(message = "a type is read to view, to edit or to delete it")
    boolean isToViewEditOrDelete() {
        return permission == null || permission == Permission.VIEW || permission == Permission.EDIT
                || permission == Permission.DELETE;
    }
}
