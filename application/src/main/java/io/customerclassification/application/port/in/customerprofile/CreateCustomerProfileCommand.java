package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.constraints.NotNull;

public record CreateCustomerProfileCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull Name name, boolean archived) {

    public CreateCustomerProfileCommand(Caller caller, CompanyId companyId, Name name, boolean archived) {
        this.caller = caller;
        this.companyId = companyId;
        this.name = name;
        this.archived = archived;
        SelfValidation.validate(this);
    }
}
