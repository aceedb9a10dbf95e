package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.query.AggregateValue;
import java.util.List;

/** Aggregates of the dialect-neutral query service over customer types ({@code count}, {@code min}, …). */
public interface AggregateCustomerTypesUseCase {

    /**
     * One value per aggregation of the query, in order.
     *
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     */
    List<AggregateValue> aggregateCustomerTypes(AggregateCustomerTypesQuery query);
}
