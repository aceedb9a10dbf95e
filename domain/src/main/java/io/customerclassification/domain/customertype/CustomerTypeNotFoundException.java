package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.NotFoundException;

/** No customer type with this key exists in this company. */
public final class CustomerTypeNotFoundException extends NotFoundException {

    private final CompanyId companyId;
    private final CustomerTypeKey key;

    public CustomerTypeNotFoundException(CompanyId companyId, CustomerTypeKey key) {
        super("Customer type " + key + " does not exist in company " + companyId);
        this.companyId = companyId;
        this.key = key;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public CustomerTypeKey key() {
        return key;
    }
}
