package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;

public interface MeasureCustomerTypeSubtreePort {

    /**
     * How many levels the subtree under the type has, the type itself counted (1 for a leaf). Stops counting
     * past {@link CustomerTypeHierarchyPolicy#MAX_DEPTH} (any larger height is refused alike), and never loops
     * over damaged data: under a cycle it answers something from the levels counted once up to
     * {@code MAX_DEPTH + 1}. Called for every move, so it should not cost one read per descendant (the SQLite
     * adapter keeps the height in the row).
     */
    int measureSubtreeHeight(CompanyId companyId, CustomerTypeKey key);
}
