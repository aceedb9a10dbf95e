package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

/** The path from the parent of {@code key} up to its root. */
public record ListCustomerTypeAncestorsQuery(
        @NotNull Caller caller, @NotNull CompanyId companyId, @NotNull CustomerTypeKey key) {

    public ListCustomerTypeAncestorsQuery(Caller caller, CompanyId companyId, CustomerTypeKey key) {
        this.caller = caller;
        this.companyId = companyId;
        this.key = key;
        SelfValidation.validate(this);
    }
}
