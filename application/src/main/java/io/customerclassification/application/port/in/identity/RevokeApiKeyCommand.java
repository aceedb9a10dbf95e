package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.ClientId;
import jakarta.validation.constraints.NotNull;

public record RevokeApiKeyCommand(@NotNull Caller caller, @NotNull ClientId clientId, @NotNull String keyId) {

    public RevokeApiKeyCommand(Caller caller, ClientId clientId, String keyId) {
        this.caller = caller;
        this.clientId = clientId;
        this.keyId = keyId;
        SelfValidation.validate(this);
    }
}
