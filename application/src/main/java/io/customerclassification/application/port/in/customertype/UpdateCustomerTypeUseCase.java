package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeView;

public interface UpdateCustomerTypeUseCase {

    /**
     * @return the type as stored after the update
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException
     * @throws io.customerclassification.domain.shared.RuleViolationException for every hierarchy rule
     */
    CustomerTypeView updateCustomerType(UpdateCustomerTypeCommand command);
}
