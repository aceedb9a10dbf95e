package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;

public interface DeleteCustomerTypePort {

    /**
     * @return whether a type was deleted
     * @throws io.customerclassification.domain.customertype.CustomerTypeHasChildrenException when the
     *     store's own reference check finds children
     */
    boolean deleteCustomerType(CompanyId companyId, CustomerTypeKey key);
}
