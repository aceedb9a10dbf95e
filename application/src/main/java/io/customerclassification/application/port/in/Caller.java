package io.customerclassification.application.port.in;

import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who calls a use case. Every command and query carries one, and every use case checks the caller's
 * permission before it reads anything.
 *
 * <p>A caller is either a client authenticated by a bearer credential (its grants as the store holds them at
 * this request, the user its token names, the company its token is limited to), an identity of an external
 * issuer (its grants from its token), or the trusted {@linkplain #system system}: an embedding application or
 * an operator's command, which the product does not check.
 *
 * @param clientId the client, or {@code null} for the system and for external identities
 * @param user the user the token names (Intacct's {@code username}), or {@code null}
 * @param admin whether the caller may administer clients, keys and companies
 * @param grants what the caller may do with data
 * @param companyLimit the only company the caller's token reaches, or {@code null}
 * @param system whether the caller is trusted without checks
 */
public record Caller(
        ClientId clientId,
        @Size(min = 1, max = 255) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String user,
        boolean admin,
        @NotNull List<@NotNull Grant> grants,
        CompanyId companyLimit,
        boolean system) {

    public Caller(
            ClientId clientId, String user, boolean admin, List<Grant> grants, CompanyId companyLimit, boolean system) {
        this.clientId = clientId;
        this.user = user;
        this.admin = admin;
        this.grants = grants == null ? null : List.copyOf(grants);
        this.companyLimit = companyLimit;
        this.system = system;
        SelfValidation.validate(this);
    }

    /** The trusted caller of an embedding application or an operator's command; {@code user} may be null. */
    public static Caller system(String user) {
        return new Caller(null, user, true, List.of(), null, true);
    }

    /** A client as the store holds it, with what its credential says about the user and the company. */
    public static Caller client(Client client, String user, CompanyId companyLimit) {
        Objects.requireNonNull(client, "client");
        return new Caller(client.id(), user, client.admin(), client.grants(), companyLimit, false);
    }

    /** An identity of a trusted external issuer: never admin, its grants taken from its token. */
    public static Caller external(String user, List<Grant> grants) {
        return new Caller(null, Objects.requireNonNull(user, "user"), false, grants, null, false);
    }

    /** The user the audit fields record: the token's user, else its client id; null for the system without one. */
    public String auditUser() {
        if (user != null) {
            return user;
        }
        return clientId == null ? null : clientId.value();
    }

    public Optional<CompanyId> limitedToCompany() {
        return Optional.ofNullable(companyLimit);
    }
}
