package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.query.Page;

/**
 * The same page as {@link ListCustomerTypesUseCase}, keys and names only: what a list shows, read without the
 * rest of each type.
 */
public interface ListCustomerTypeReferencesUseCase {

    /** @throws io.customerclassification.domain.company.CompanyNotFoundException */
    Page<CustomerTypeReference> listCustomerTypeReferences(ListCustomerTypesQuery query);
}
