package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeAncestor;
import java.util.List;

/**
 * The path from a type's parent up to its root, nearest first, read from one snapshot: at most
 * {@link io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy#MAX_DEPTH} - 1 types, none for
 * a root.
 */
public interface ListCustomerTypeAncestorsUseCase {

    /**
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException
     */
    List<CustomerTypeAncestor> listCustomerTypeAncestors(ListCustomerTypeAncestorsQuery query);
}
