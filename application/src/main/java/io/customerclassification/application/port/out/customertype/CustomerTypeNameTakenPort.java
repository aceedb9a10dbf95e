package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;

public interface CustomerTypeNameTakenPort {

    /** Whether a type of the company has a name equal to {@code name} under {@link Name#sameAs}. */
    boolean isCustomerTypeNameTaken(CompanyId companyId, Name name);
}
