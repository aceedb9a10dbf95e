package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

public record DeleteCustomerProfileCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull CustomerProfileId id) {

    public DeleteCustomerProfileCommand(Caller caller, CompanyId companyId, CustomerProfileId id) {
        this.caller = caller;
        this.companyId = companyId;
        this.id = id;
        SelfValidation.validate(this);
    }
}
