package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;

public interface LoadCustomerTypeChildrenPort {

    /** The direct children of the type, ordered by key. */
    List<CustomerType> loadChildren(CompanyId companyId, CustomerTypeKey key);
}
