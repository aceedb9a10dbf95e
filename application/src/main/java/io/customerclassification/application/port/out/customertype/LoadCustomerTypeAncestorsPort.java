package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;
import java.util.Optional;

public interface LoadCustomerTypeAncestorsPort {

    /**
     * The ancestors of the type, its parent first, up to the root. Never more than
     * {@link CustomerTypeHierarchyPolicy#MAX_DEPTH} entries, and never the same node twice, even over damaged
     * data (a cycle or an over-deep chain is cut there). Empty for a root or an unknown key.
     */
    List<CustomerType> loadAncestors(CompanyId companyId, CustomerTypeKey key);

    /**
     * The type itself followed by its ancestors as {@link #loadAncestors} reads them, all from one snapshot, so that
     * a concurrent move or delete cannot give a path the type never had; empty when the company has no such type.
     */
    Optional<List<CustomerType>> loadLineage(CompanyId companyId, CustomerTypeKey key);
}
