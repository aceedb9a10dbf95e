package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;

public interface SaveCustomerProfilePort {

    /**
     * Stores a new profile under a fresh id, never used before in the company.
     *
     * @throws io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException when the
     *     store's own uniqueness check finds the name taken
     */
    CustomerProfile insertCustomerProfile(CustomerProfileDraft draft);

    /**
     * Replaces the stored state of an existing profile.
     *
     * @throws io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException when it is gone
     * @throws io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException when the
     *     store's own uniqueness check finds the name taken
     */
    void updateCustomerProfile(CustomerProfile profile);
}
