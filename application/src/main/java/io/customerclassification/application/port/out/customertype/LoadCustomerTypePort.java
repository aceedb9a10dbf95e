package io.customerclassification.application.port.out.customertype;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.Optional;

public interface LoadCustomerTypePort {

    Optional<CustomerType> loadCustomerType(CompanyId companyId, CustomerTypeKey key);

    /** The type as readers see it, with the name of its parent, in one read. */
    Optional<CustomerTypeView> loadCustomerTypeView(CompanyId companyId, CustomerTypeKey key);

    /** The type whose name equals {@code name} under {@link Name#sameAs}. */
    Optional<CustomerType> loadCustomerTypeByName(CompanyId companyId, Name name);
}
