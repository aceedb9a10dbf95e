package io.customerclassification.application.port.in.identity;

/** The public keys that verify this server's access tokens. */
public interface GetPublicKeySetUseCase {

    /** A JWK Set document (RFC 7517 §5) of every key a token still in its lifetime may be signed with. */
    String publicKeySet();
}
