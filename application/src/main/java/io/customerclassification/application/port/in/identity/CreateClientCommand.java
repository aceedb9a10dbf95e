package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record CreateClientCommand(
        @NotNull Caller caller,
        @NotNull ClientId clientId,
        boolean admin,
        @NotNull @Size(max = IdentityLimits.MAX_GRANTS) List<@NotNull Grant> grants) {

    public CreateClientCommand(Caller caller, ClientId clientId, boolean admin, List<Grant> grants) {
        this.caller = caller;
        this.clientId = clientId;
        this.admin = admin;
        this.grants = grants == null ? null : List.copyOf(grants);
        SelfValidation.validate(this);
    }
}
