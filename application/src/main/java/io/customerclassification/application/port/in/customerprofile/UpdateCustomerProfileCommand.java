package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Optional;

/**
 * Changes the name and/or the archived flag of a profile.
 *
 * @param name the new name, or null to keep it
 * @param archived the new archived flag, or null to keep it
 * @param expectedVersion the version the change is based on (an HTTP {@code If-Match}), or {@code null} to change
 *     whatever version is stored
 */
public record UpdateCustomerProfileCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull CustomerProfileId id, Name name, Boolean archived, @Positive Long expectedVersion) {

    public UpdateCustomerProfileCommand(Caller caller, CompanyId companyId, CustomerProfileId id, Name name,
            Boolean archived, Long expectedVersion) {
        this.caller = caller;
        this.companyId = companyId;
        this.id = id;
        this.name = name;
        this.archived = archived;
        this.expectedVersion = expectedVersion;
        SelfValidation.validate(this);
    }

    /** Changes whatever version is stored. */
    public UpdateCustomerProfileCommand(Caller caller, CompanyId companyId, CustomerProfileId id, Name name,
            Boolean archived) {
        this(caller, companyId, id, name, archived, null);
    }

    public Optional<Name> newName() {
        return Optional.ofNullable(name);
    }

    public Optional<Boolean> newArchived() {
        return Optional.ofNullable(archived);
    }
}
