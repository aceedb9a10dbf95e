package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

public record GetCustomerTypeQuery(@NotNull CompanyId companyId, @NotNull CustomerTypeKey key) {

    public GetCustomerTypeQuery(CompanyId companyId, CustomerTypeKey key) {
        this.companyId = companyId;
        this.key = key;
        SelfValidation.validate(this);
    }
}
