package io.customerclassification.application.port.in.idempotency;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Objects;

/**
 * A POST made with an idempotency key (CONTRACT §3.2): it adds a record of {@code resource} to {@code companyId}.
 *
 * @param caller who makes the request: its keys are its own ({@link #client()}), and it needs {@code add} before
 *     any key is read
 * @param key the caller's key for the request: 1–255 visible ASCII characters
 * @param fingerprint what the request is (its operation, company and body, hashed by the adapter): a retry must
 *     have the same, byte for byte
 */
public record RunIdempotentRequestCommand(
        @NotNull Caller caller,
        @NotNull CompanyId companyId,
        @NotNull Resource resource,
        @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,255}") String key,
        @NotNull @Size(min = 1, max = 64) byte[] fingerprint) {

    /** The space of keys of the trusted system caller (an embedding application, a server under --auth none). */
    public static final String SYSTEM_CLIENT = "";

    public RunIdempotentRequestCommand(
            Caller caller, CompanyId companyId, Resource resource, String key, byte[] fingerprint) {
        this.caller = caller;
        this.companyId = companyId;
        this.resource = resource;
        this.key = key;
        this.fingerprint = fingerprint == null ? null : fingerprint.clone();
        SelfValidation.validate(this);
    }

    /**
     * Whose key it is: a client's keys never meet another client's. An authenticated client by its id, an identity
     * of an external issuer by its user, the trusted system caller in a space of its own.
     */
    public String client() {
        if (caller.system()) {
            return SYSTEM_CLIENT;
        }
        return caller.clientId() != null ? "client:" + caller.clientId().value() : "user:" + caller.user();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** Whether {@code other} is the fingerprint of this request. */
    public boolean fingerprintIs(byte[] other) {
        return Arrays.equals(fingerprint, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunIdempotentRequestCommand that && caller.equals(that.caller)
                && companyId.equals(that.companyId) && resource == that.resource && key.equals(that.key)
                && Arrays.equals(fingerprint, that.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caller, companyId, resource, key, Arrays.hashCode(fingerprint));
    }

    @Override
    public String toString() {
        return "RunIdempotentRequestCommand[" + client() + ", " + companyId + ", " + resource + ", " + key + "]";
    }
}
