package io.customerclassification.application.port.out.customertype;

import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;

public interface LoadCustomerTypeDescendantsPort {

    /**
     * One window of the types below {@code key} (not the type itself), from one snapshot: level by level (its
     * children first), by key within a level; the total counts them all. Never more than
     * {@link CustomerTypeHierarchyPolicy#MAX_DEPTH} levels below it, and never the same type twice, even over
     * damaged data (a cycle back to the type is cut there). Empty for a leaf or an unknown key.
     */
    Page<CustomerTypeDescendant> loadDescendants(CompanyId companyId, CustomerTypeKey key, Paging paging);
}
