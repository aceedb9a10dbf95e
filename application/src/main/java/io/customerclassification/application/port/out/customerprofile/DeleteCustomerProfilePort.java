package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;

public interface DeleteCustomerProfilePort {

    /** @return whether a profile was deleted */
    boolean deleteCustomerProfile(CompanyId companyId, CustomerProfileId id);
}
