package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.QueryFields;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** Finds the types of a company with a neutral {@link Criteria} over {@link CustomerTypeField}s. */
public record QueryCustomerTypesQuery(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull Criteria criteria) {

    public QueryCustomerTypesQuery(Caller caller, CompanyId companyId, Criteria criteria) {
        this.caller = caller;
        this.companyId = companyId;
        this.criteria = criteria;
        SelfValidation.validate(this);
    }

    @AssertTrue(message = "criteria may only name customer type fields")
    boolean isOverCustomerTypeFields() {
        return criteria == null || QueryFields.onlyFrom(criteria, CustomerTypeField.CATALOGUE);
    }
}
