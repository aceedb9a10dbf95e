package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeView;

public interface CreateCustomerTypeUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException
     * @throws io.customerclassification.domain.shared.RuleViolationException for a parent that does not exist,
     *     names two records, is too deep, or is inactive while the new type is active
     */
    CustomerTypeView createCustomerType(CreateCustomerTypeCommand command);
}
