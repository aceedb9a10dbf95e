package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param parent the parent, or {@code null} for a root
 * @param actor the user making the change, or {@code null} without credentials
 */
public record CreateCustomerTypeCommand(
        @NotNull CompanyId companyId,
        @NotNull Name name,
        @NotNull CustomerTypeStatus status,
        ParentReference parent,
        @Size(min = 1, max = 255) String actor) {

    public CreateCustomerTypeCommand(
            CompanyId companyId, Name name, CustomerTypeStatus status, ParentReference parent, String actor) {
        this.companyId = companyId;
        this.name = name;
        this.status = status;
        this.parent = parent;
        this.actor = actor;
        SelfValidation.validate(this);
    }
}
