package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;

public interface GetCustomerProfileUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException
     */
    CustomerProfile getCustomerProfile(GetCustomerProfileQuery query);
}
