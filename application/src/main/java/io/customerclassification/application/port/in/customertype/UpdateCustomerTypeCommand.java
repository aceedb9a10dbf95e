package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Optional;

/**
 * Changes the status and/or the parent of a type. Its name is immutable.
 *
 * @param status the new status, or {@code null} to keep it
 * @param parent the new place, or {@code null} to keep it
 * @param expectedVersion the version the change is based on (an HTTP {@code If-Match}), or {@code null} to change
 *     whatever version is stored
 */
public record UpdateCustomerTypeCommand(
        @NotNull Caller caller,
        @NotNull CompanyId companyId,
        @NotNull CustomerTypeKey key,
        CustomerTypeStatus status,
        ParentChange parent,
        @Positive Long expectedVersion) {

    public UpdateCustomerTypeCommand(Caller caller, CompanyId companyId, CustomerTypeKey key,
            CustomerTypeStatus status, ParentChange parent, Long expectedVersion) {
        this.caller = caller;
        this.companyId = companyId;
        this.key = key;
        this.status = status;
        this.parent = parent;
        this.expectedVersion = expectedVersion;
        SelfValidation.validate(this);
    }

    /** Changes whatever version is stored. */
    public UpdateCustomerTypeCommand(
            Caller caller, CompanyId companyId, CustomerTypeKey key, CustomerTypeStatus status, ParentChange parent) {
        this(caller, companyId, key, status, parent, null);
    }

    public Optional<CustomerTypeStatus> newStatus() {
        return Optional.ofNullable(status);
    }

    public Optional<ParentChange> parentChange() {
        return Optional.ofNullable(parent);
    }
}
