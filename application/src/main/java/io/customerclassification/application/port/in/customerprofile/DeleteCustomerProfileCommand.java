package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * @param expectedVersion the version the delete is based on (an HTTP {@code If-Match}), or {@code null} to delete
 *     whatever version is stored
 */
public record DeleteCustomerProfileCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull CustomerProfileId id, @Positive Long expectedVersion) {

    public DeleteCustomerProfileCommand(Caller caller, CompanyId companyId, CustomerProfileId id,
            Long expectedVersion) {
        this.caller = caller;
        this.companyId = companyId;
        this.id = id;
        this.expectedVersion = expectedVersion;
        SelfValidation.validate(this);
    }

    /** Deletes whatever version is stored. */
    public DeleteCustomerProfileCommand(Caller caller, CompanyId companyId, CustomerProfileId id) {
        this(caller, companyId, id, null);
    }
}
