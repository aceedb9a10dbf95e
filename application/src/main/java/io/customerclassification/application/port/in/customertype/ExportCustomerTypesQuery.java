package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

/** Every customer type of a company, in an order an import can take again. */
public record ExportCustomerTypesQuery(@NotNull CompanyId companyId) {

    public ExportCustomerTypesQuery(CompanyId companyId) {
        this.companyId = companyId;
        SelfValidation.validate(this);
    }
}
