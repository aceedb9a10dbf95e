package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * @param expectedVersion the version the delete is based on (an HTTP {@code If-Match}), or {@code null} to delete
 *     whatever version is stored
 */
public record DeleteCustomerTypeCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull CustomerTypeKey key, @Positive Long expectedVersion) {

    public DeleteCustomerTypeCommand(Caller caller, CompanyId companyId, CustomerTypeKey key, Long expectedVersion) {
        this.caller = caller;
        this.companyId = companyId;
        this.key = key;
        this.expectedVersion = expectedVersion;
        SelfValidation.validate(this);
    }

    /** Deletes whatever version is stored. */
    public DeleteCustomerTypeCommand(Caller caller, CompanyId companyId, CustomerTypeKey key) {
        this(caller, companyId, key, null);
    }
}
