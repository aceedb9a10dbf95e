package io.customerclassification.application.port.in.customertype;

public interface DeleteCustomerTypeUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeHasChildrenException
     */
    void deleteCustomerType(DeleteCustomerTypeCommand command);
}
