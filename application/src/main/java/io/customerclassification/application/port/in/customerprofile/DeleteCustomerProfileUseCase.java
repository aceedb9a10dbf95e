package io.customerclassification.application.port.in.customerprofile;

public interface DeleteCustomerProfileUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException
     */
    void deleteCustomerProfile(DeleteCustomerProfileCommand command);
}
