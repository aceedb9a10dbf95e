package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

/** Every customer type of a company, in an order an import can take again. */
public record ExportCustomerTypesQuery(@NotNull Caller caller, @NotNull CompanyId companyId) {

    public ExportCustomerTypesQuery(Caller caller, CompanyId companyId) {
        this.caller = caller;
        this.companyId = companyId;
        SelfValidation.validate(this);
    }
}
