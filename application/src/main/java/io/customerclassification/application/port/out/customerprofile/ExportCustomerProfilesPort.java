package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.shared.CompanyId;
import java.util.function.Consumer;

public interface ExportCustomerProfilesPort {

    /**
     * Hands over every profile of the company from one snapshot, by id, holding a bounded number at a time.
     *
     * @return how many were handed over
     * @throws io.customerclassification.application.port.out.StoreBusyException when too many exports run at once
     */
    long exportCustomerProfiles(CompanyId companyId, Consumer<CustomerProfile> rows);
}
