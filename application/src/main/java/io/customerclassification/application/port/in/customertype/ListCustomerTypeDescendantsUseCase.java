package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.query.Page;

/**
 * The subtree below a type: every type whose chain of parents reaches it, read from one snapshot, level by level
 * (its children first, then their children…) and by key within a level. The total is the size of the whole
 * subtree, the type itself not counted; a page with limit 0 asks for the total only.
 */
public interface ListCustomerTypeDescendantsUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException
     */
    Page<CustomerTypeDescendant> listCustomerTypeDescendants(ListCustomerTypeDescendantsQuery query);
}
