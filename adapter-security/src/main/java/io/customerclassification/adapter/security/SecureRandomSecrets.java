package io.customerclassification.adapter.security;

import io.customerclassification.application.port.out.identity.GenerateSecretPort;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets and identifiers from the JDK's default {@link SecureRandom}, in base64url without padding. */
public final class SecureRandomSecrets implements GenerateSecretPort {

    private static final Base64.Encoder B64_URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSecret() {
        return random(32);
    }

    @Override
    public String newIdentifier() {
        return random(12);
    }

    private String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return B64_URL.encodeToString(value);
    }
}
