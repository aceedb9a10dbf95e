package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;

public interface LoadCustomerTypeAncestorsPort {

    /**
     * The ancestors of the type, its parent first, up to the root. Never more than
     * {@link CustomerTypeHierarchyPolicy#MAX_DEPTH} entries, and never the same node twice, even over damaged
     * data (a cycle or an over-deep chain is cut there). Empty for a root or an unknown key.
     */
    List<CustomerType> loadAncestors(CompanyId companyId, CustomerTypeKey key);
}
