package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.QueryFields;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Aggregates ({@code count}, {@code min}, …) over the types of a company that match a filter. */
public record AggregateCustomerTypesQuery(
        @NotNull Caller caller, @NotNull CompanyId companyId, @NotNull Filter filter,
                @NotEmpty List<@NotNull Aggregation> aggregations) {

    public AggregateCustomerTypesQuery(Caller caller, CompanyId companyId, Filter filter,
            List<Aggregation> aggregations) {
        this.caller = caller;
        this.companyId = companyId;
        this.filter = filter;
        this.aggregations = aggregations == null ? null : List.copyOf(aggregations);
        SelfValidation.validate(this);
    }

    @AssertTrue(message = "filter and aggregations may only name customer type fields")
    boolean isOverCustomerTypeFields() {
        return (filter == null || QueryFields.onlyFrom(filter, CustomerTypeField.CATALOGUE))
                && (aggregations == null || aggregations.stream()
                        .allMatch(a -> CustomerTypeField.CATALOGUE.contains(a.field())));
    }
}
