package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;

public interface UpdateCustomerProfileUseCase {

    /**
     * @return the profile as stored after the update
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException
     * @throws io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException
     */
    CustomerProfile updateCustomerProfile(UpdateCustomerProfileCommand command);
}
