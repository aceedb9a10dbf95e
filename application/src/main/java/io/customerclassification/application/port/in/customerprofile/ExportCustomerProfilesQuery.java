package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

/** Every customer profile of a company, by id. */
public record ExportCustomerProfilesQuery(@NotNull Caller caller, @NotNull CompanyId companyId) {

    public ExportCustomerProfilesQuery(Caller caller, CompanyId companyId) {
        this.caller = caller;
        this.companyId = companyId;
        SelfValidation.validate(this);
    }
}
