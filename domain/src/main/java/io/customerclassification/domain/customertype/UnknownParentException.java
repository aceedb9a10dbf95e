package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.RuleViolationException;
import java.util.Optional;

/** The parent named by key or by id does not exist in the company of the child. */
public final class UnknownParentException extends RuleViolationException {

    private final CompanyId companyId;
    private final CustomerTypeKey parentKey;
    private final Name parentName;

    public UnknownParentException(CompanyId companyId, CustomerTypeKey parentKey, Name parentName) {
        super("Parent customer type " + (parentKey != null ? "with key " + parentKey : "with id '" + parentName + "'")
                + " does not exist in company " + companyId);
        this.companyId = companyId;
        this.parentKey = parentKey;
        this.parentName = parentName;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public Optional<CustomerTypeKey> parentKey() {
        return Optional.ofNullable(parentKey);
    }

    public Optional<Name> parentName() {
        return Optional.ofNullable(parentName);
    }
}
