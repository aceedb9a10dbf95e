package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.ClientId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An admin client the operator names with its secret ({@code --bootstrap-client ID:SECRET}), for automation. The
 * secret must be at least {@value #MIN_SECRET_LENGTH} URL-safe characters, so that it is hard to guess and
 * needs no escaping in HTTP Basic.
 */
public record BootstrapAdminClientCommand(
        @NotNull ClientId clientId,
        @NotNull @Size(min = MIN_SECRET_LENGTH, max = 512)
        @Pattern(regexp = "[A-Za-z0-9._~-]*", message = "must be URL-safe characters (A-Z a-z 0-9 . _ ~ -)")
                String secret) {

    public static final int MIN_SECRET_LENGTH = 16;

    public BootstrapAdminClientCommand(ClientId clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
        SelfValidation.validate(this);
    }

    @Override
    public String toString() {
        return "BootstrapAdminClientCommand[clientId=" + clientId + ", secret=(hidden)]";
    }
}
