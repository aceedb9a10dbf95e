package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

/** One page of a company's types, ordered by key. */
public record ListCustomerTypesQuery(@NotNull Caller caller, @NotNull CompanyId companyId, @NotNull Paging paging) {

    public ListCustomerTypesQuery(Caller caller, CompanyId companyId, Paging paging) {
        this.caller = caller;
        this.companyId = companyId;
        this.paging = paging;
        SelfValidation.validate(this);
    }
}
