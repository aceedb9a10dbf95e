package io.customerclassification.application.port.out.identity;

/** Random values from a cryptographically strong generator, written in base64url (no padding). */
public interface GenerateSecretPort {

    /** 256 random bits: 43 characters. */
    String newSecret();

    /** 96 random bits: 16 characters; for ids that are unique but not secret (key ids, token ids). */
    String newIdentifier();
}
