package io.customerclassification.application.port.out.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;

public interface SaveCustomerProfilePort {

    /**
     * Stores a new profile under a fresh id, never used before in the company, at version 1.
     *
     * @throws io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException when the
     *     store's own uniqueness check finds the name taken
     */
    CustomerProfile insertCustomerProfile(CustomerProfileDraft draft);

    /**
     * Replaces the stored state of an existing profile and moves its version on by one, in the same statement.
     *
     * @param profile the new state; its version is the one it was read at, and is not written
     * @return the profile as stored, at its new version
     * @throws io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException when it is gone
     * @throws io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException when the
     *     store's own uniqueness check finds the name taken
     */
    CustomerProfile updateCustomerProfile(CustomerProfile profile);
}
