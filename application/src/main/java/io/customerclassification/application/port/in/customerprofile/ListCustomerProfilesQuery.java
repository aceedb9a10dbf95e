package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.QueryFields;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** Lists or searches the profiles of a company with a neutral {@link Criteria} over {@link CustomerProfileField}s. */
public record ListCustomerProfilesQuery(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull Criteria criteria) {

    public ListCustomerProfilesQuery(Caller caller, CompanyId companyId, Criteria criteria) {
        this.caller = caller;
        this.companyId = companyId;
        this.criteria = criteria;
        SelfValidation.validate(this);
    }

    @AssertTrue(message = "criteria may only name customer profile fields")
    boolean isOverCustomerProfileFields() {
        return criteria == null || QueryFields.onlyFrom(criteria, CustomerProfileField.CATALOGUE);
    }
}
