package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.query.Page;
import io.customerclassification.domain.customerprofile.CustomerProfile;

public interface ListCustomerProfilesUseCase {

    /** @throws io.customerclassification.domain.company.CompanyNotFoundException */
    Page<CustomerProfile> listCustomerProfiles(ListCustomerProfilesQuery query);
}
