package io.customerclassification.application.port.in.company;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.constraints.NotNull;

public record RegisterCompanyCommand(@NotNull Caller caller, @NotNull CompanyId companyId, @NotNull Name name) {

    public RegisterCompanyCommand(Caller caller, CompanyId companyId, Name name) {
        this.caller = caller;
        this.companyId = companyId;
        this.name = name;
        SelfValidation.validate(this);
    }
}
