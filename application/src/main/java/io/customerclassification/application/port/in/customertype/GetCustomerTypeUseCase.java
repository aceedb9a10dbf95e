package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeView;

public interface GetCustomerTypeUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException
     */
    CustomerTypeView getCustomerType(GetCustomerTypeQuery query);
}
