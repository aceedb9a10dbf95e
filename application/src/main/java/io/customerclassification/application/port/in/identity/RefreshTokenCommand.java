package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.validation.SelfValidation;
import jakarta.validation.constraints.NotNull;

/** The {@code refresh_token} grant: a client trades a refresh token for new tokens. */
public record RefreshTokenCommand(@NotNull ClientCredentials credentials, @NotNull String refreshToken) {

    public RefreshTokenCommand(ClientCredentials credentials, String refreshToken) {
        this.credentials = credentials;
        this.refreshToken = refreshToken;
        SelfValidation.validate(this);
    }

    @Override
    public String toString() {
        return "RefreshTokenCommand[" + credentials + ", refreshToken=(hidden)]";
    }
}
