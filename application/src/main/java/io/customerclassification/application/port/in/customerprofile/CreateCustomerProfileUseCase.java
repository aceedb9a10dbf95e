package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;

public interface CreateCustomerProfileUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException
     */
    CustomerProfile createCustomerProfile(CreateCustomerProfileCommand command);
}
