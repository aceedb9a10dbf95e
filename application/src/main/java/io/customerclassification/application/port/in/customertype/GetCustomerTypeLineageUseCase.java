package io.customerclassification.application.port.in.customertype;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import java.util.List;

/** Where a type sits in its hierarchy: the keys from its root down to itself. */
public interface GetCustomerTypeLineageUseCase {

    /**
     * @return the keys from the root to the type itself (a root gives just its own key); its depth is the size
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException
     */
    List<CustomerTypeKey> getCustomerTypeLineage(GetCustomerTypeQuery query);
}
