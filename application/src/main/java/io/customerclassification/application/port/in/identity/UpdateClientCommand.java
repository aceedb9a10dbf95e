package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * @param admin the new admin flag, or {@code null} to keep it
 * @param grants the new grants (replacing all), or {@code null} to keep them
 */
public record UpdateClientCommand(
        @NotNull Caller caller,
        @NotNull ClientId clientId,
        Boolean admin,
        @Size(max = IdentityLimits.MAX_GRANTS) List<@NotNull Grant> grants) {

    public UpdateClientCommand(Caller caller, ClientId clientId, Boolean admin, List<Grant> grants) {
        this.caller = caller;
        this.clientId = clientId;
        this.admin = admin;
        this.grants = grants == null ? null : List.copyOf(grants);
        SelfValidation.validate(this);
    }

    public Optional<Boolean> newAdmin() {
        return Optional.ofNullable(admin);
    }

    public Optional<List<Grant>> newGrants() {
        return Optional.ofNullable(grants);
    }
}
