package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;

/** One page of the types below {@code key}. */
public record ListCustomerTypeDescendantsQuery(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull CustomerTypeKey key,
        @NotNull Paging paging) {

    public ListCustomerTypeDescendantsQuery(Caller caller, CompanyId companyId, CustomerTypeKey key, Paging paging) {
        this.caller = caller;
        this.companyId = companyId;
        this.key = key;
        this.paging = paging;
        SelfValidation.validate(this);
    }
}
