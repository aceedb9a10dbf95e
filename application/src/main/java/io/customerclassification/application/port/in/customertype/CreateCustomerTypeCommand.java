package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.constraints.NotNull;

/**
 * @param parent the parent, or {@code null} for a root
 */
public record CreateCustomerTypeCommand(
        @NotNull Caller caller,
        @NotNull CompanyId companyId,
        @NotNull Name name,
        @NotNull CustomerTypeStatus status,
        ParentReference parent) {

    public CreateCustomerTypeCommand(
            Caller caller, CompanyId companyId, Name name, CustomerTypeStatus status, ParentReference parent) {
        this.caller = caller;
        this.companyId = companyId;
        this.name = name;
        this.status = status;
        this.parent = parent;
        SelfValidation.validate(this);
    }
}
