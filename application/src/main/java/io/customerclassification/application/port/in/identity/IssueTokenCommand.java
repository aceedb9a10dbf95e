package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The {@code client_credentials} grant: the client authenticates with its secret and receives tokens.
 *
 * @param user the user the tokens name (the audit user), or {@code null}
 * @param companyLimit the only company the tokens reach, or {@code null} for every company the grants cover
 */
public record IssueTokenCommand(
        @NotNull ClientCredentials credentials,
        @Size(min = 1, max = 255) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String user,
        CompanyId companyLimit) {

    public IssueTokenCommand(ClientCredentials credentials, String user, CompanyId companyLimit) {
        this.credentials = credentials;
        this.user = user;
        this.companyLimit = companyLimit;
        SelfValidation.validate(this);
    }
}
