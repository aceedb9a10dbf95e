package io.customerclassification.application.port.in.company;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

public record GetCompanyQuery(@NotNull Caller caller, @NotNull CompanyId companyId) {

    public GetCompanyQuery(Caller caller, CompanyId companyId) {
        this.caller = caller;
        this.companyId = companyId;
        SelfValidation.validate(this);
    }
}
