package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.query.Page;

/** The dialect-neutral query service over customer types. */
public interface QueryCustomerTypesUseCase {

    /** @throws io.customerclassification.domain.company.CompanyNotFoundException */
    Page<CustomerTypeView> queryCustomerTypes(QueryCustomerTypesQuery query);
}
