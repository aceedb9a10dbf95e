package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import java.util.function.Consumer;

/**
 * Every customer profile of a company, handed over one at a time from one snapshot, by id. Memory stays flat however
 * many profiles there are.
 */
public interface ExportCustomerProfilesUseCase {

    /**
     * @param rows takes each profile; what it throws stops the export and is thrown on
     * @return how many profiles were handed over
     * @throws io.customerclassification.domain.company.CompanyNotFoundException before any row
     * @throws io.customerclassification.application.port.out.StoreBusyException before any row, when too many
     *     exports run at once
     */
    long exportCustomerProfiles(ExportCustomerProfilesQuery query, Consumer<CustomerProfile> rows);
}
