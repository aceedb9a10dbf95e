package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.dataimport.ImportResult;

/** Creates (and updates) customer profiles from rows, all or nothing, in one transaction (CONTRACT §3.3). */
public interface ImportCustomerProfilesUseCase {

    /**
     * @return what was created and updated (on a dry run: what would be)
     * @throws io.customerclassification.application.port.in.dataimport.ImportRejectedException with every problem
     *     of the rows; nothing is written
     * @throws io.customerclassification.domain.company.CompanyNotFoundException before any row is read
     */
    ImportResult importCustomerProfiles(ImportCustomerProfilesCommand command);
}
