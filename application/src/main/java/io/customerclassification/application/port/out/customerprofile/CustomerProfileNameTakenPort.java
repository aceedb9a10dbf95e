package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;

public interface CustomerProfileNameTakenPort {

    /**
     * Whether a profile of the company other than {@code except} has a name equal to {@code name} under
     * {@link Name#sameAs}.
     *
     * @param except the profile being renamed, or {@code null} on create
     */
    boolean isCustomerProfileNameTaken(CompanyId companyId, Name name, CustomerProfileId except);
}
