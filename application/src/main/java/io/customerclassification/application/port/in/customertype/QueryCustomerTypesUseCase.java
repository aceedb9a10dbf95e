package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.query.Page;
import java.util.List;

/** The dialect-neutral query service over customer types. */
public interface QueryCustomerTypesUseCase {

    /** @throws io.customerclassification.domain.company.CompanyNotFoundException */
    Page<CustomerTypeView> queryCustomerTypes(QueryCustomerTypesQuery query);

    /**
     * One value per aggregation, in order (see {@link io.customerclassification.application.query.AggregateFunction}).
     *
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     */
    List<Object> aggregateCustomerTypes(AggregateCustomerTypesQuery query);
}
