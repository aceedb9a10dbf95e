package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.query.Page;

public interface ListCustomerTypesUseCase {

    /** @throws io.customerclassification.domain.company.CompanyNotFoundException */
    Page<CustomerTypeView> listCustomerTypes(ListCustomerTypesQuery query);
}
