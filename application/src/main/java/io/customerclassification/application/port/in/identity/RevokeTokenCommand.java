package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.validation.SelfValidation;
import jakarta.validation.constraints.NotNull;

/** Revokes an access or refresh token of the client that presents it (RFC 7009). */
public record RevokeTokenCommand(@NotNull ClientCredentials credentials, @NotNull String token) {

    public RevokeTokenCommand(ClientCredentials credentials, String token) {
        this.credentials = credentials;
        this.token = token;
        SelfValidation.validate(this);
    }

    @Override
    public String toString() {
        return "RevokeTokenCommand[" + credentials + ", token=(hidden)]";
    }
}
