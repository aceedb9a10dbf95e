package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import java.util.Optional;

public interface LoadCustomerProfilePort {

    /** The profile with this id in this company; empty when it does not exist there. */
    Optional<CustomerProfile> loadCustomerProfile(CompanyId companyId, CustomerProfileId id);
}
