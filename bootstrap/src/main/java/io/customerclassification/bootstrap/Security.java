package io.customerclassification.bootstrap;

import io.customerclassification.adapter.security.Argon2SecretHasher;
import io.customerclassification.adapter.security.JwtAccessTokenCodec;
import io.customerclassification.adapter.security.OidcTokenVerifier;
import io.customerclassification.adapter.security.SecureRandomSecrets;
import io.customerclassification.application.port.out.identity.AccessTokenCodecPort;
import io.customerclassification.application.port.out.identity.GenerateSecretPort;
import io.customerclassification.application.port.out.identity.HashSecretPort;
import io.customerclassification.application.port.out.identity.VerifyExternalTokenPort;
import java.time.Duration;

/**
 * The crypto the identity services run on (docs/security.md): Argon2id for secrets, SecureRandom for new ones,
 * ES256 JWTs for access tokens, and the trusted external issuer, if any.
 *
 * @param external the external issuer's verifier, or {@code null}
 */
record Security(HashSecretPort hasher, GenerateSecretPort generator, AccessTokenCodecPort codec,
        VerifyExternalTokenPort external) {

    /** What this server writes as its tokens' {@code iss}, and accepts as its own. */
    static final String ISSUER = "customer-classification";

    /** How long a request to an external issuer (its discovery document, its keys) may take. */
    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

    static Security standard(IdentityConfig.ExternalIssuer issuer) {
        VerifyExternalTokenPort external = issuer == null ? null : new OidcTokenVerifier(new OidcTokenVerifier.Settings(
                issuer.issuer(), issuer.grantsClaim(), issuer.audience(), ISSUER_TIMEOUT));
        return new Security(Argon2SecretHasher.withDefaults(), new SecureRandomSecrets(),
                new JwtAccessTokenCodec(ISSUER), external);
    }
}
