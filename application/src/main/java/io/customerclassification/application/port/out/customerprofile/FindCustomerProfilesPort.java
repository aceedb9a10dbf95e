package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Page;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.shared.CompanyId;

public interface FindCustomerProfilesPort {

    /**
     * The company's profiles that match, in the criteria's order, within its window, with the total number
     * of matches. Fields in the criteria come from {@link io.customerclassification.application.query.CustomerProfileField}.
     */
    Page<CustomerProfile> findCustomerProfiles(CompanyId companyId, Criteria criteria);
}
