package io.customerclassification.application.port.in.identity;

/** What the server does on every start, before it issues or accepts a token. */
public interface EnsureSigningKeyUseCase {

    /** Generates and stores a signing key when the store holds none that signs. */
    void ensureSigningKey();
}
