package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Changes the name and/or the archived flag of a profile.
 *
 * @param name the new name, or {@code null} to keep it
 * @param archived the new archived flag, or {@code null} to keep it
 */
public record UpdateCustomerProfileCommand(
        @NotNull Caller caller, @NotNull CompanyId companyId, @NotNull CustomerProfileId id, Name name,
                Boolean archived) {

    public UpdateCustomerProfileCommand(Caller caller, CompanyId companyId, CustomerProfileId id, Name name,
            Boolean archived) {
        this.caller = caller;
        this.companyId = companyId;
        this.id = id;
        this.name = name;
        this.archived = archived;
        SelfValidation.validate(this);
    }

    public Optional<Name> newName() {
        return Optional.ofNullable(name);
    }

    public Optional<Boolean> newArchived() {
        return Optional.ofNullable(archived);
    }
}
