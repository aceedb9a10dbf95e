package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.ClientId;
import jakarta.validation.constraints.NotNull;

/** Names one client, for the admin use cases that read or change it as a whole. */
public record ClientQuery(@NotNull Caller caller, @NotNull ClientId clientId) {

    public ClientQuery(Caller caller, ClientId clientId) {
        this.caller = caller;
        this.clientId = clientId;
        SelfValidation.validate(this);
    }
}
