package io.customerclassification.application.port.in.idempotency;

import io.customerclassification.application.validation.SelfValidation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Objects;

/**
 * A request made with an idempotency key (CONTRACT §3.2).
 *
 * @param client who makes the request: keys of different clients never meet
 * @param key the client's key for the request: 1–255 visible ASCII characters
 * @param fingerprint what the request is (its operation, company and body, hashed by the adapter): a retry must
 *     have the same, byte for byte
 */
public record RunIdempotentRequestCommand(
        @NotNull @Size(max = 255) String client,
        @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,255}") String key,
        @NotNull @Size(min = 1, max = 64) byte[] fingerprint) {

    public RunIdempotentRequestCommand(String client, String key, byte[] fingerprint) {
        this.client = client;
        this.key = key;
        this.fingerprint = fingerprint == null ? null : fingerprint.clone();
        SelfValidation.validate(this);
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
        return other instanceof RunIdempotentRequestCommand that && client.equals(that.client) && key.equals(that.key)
                && Arrays.equals(fingerprint, that.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(client, key, Arrays.hashCode(fingerprint));
    }

    @Override
    public String toString() {
        return "RunIdempotentRequestCommand[" + client + ", " + key + "]";
    }
}
