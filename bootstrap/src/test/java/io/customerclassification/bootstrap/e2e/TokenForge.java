package io.customerclassification.bootstrap.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

/**
 * Access tokens a client must not get through with, made the way an attacker would: with the server's own key (read
 * from the store, as someone with a copy of it could) but expired, or with another key, no signature, an HMAC keyed
 * with the public key, a changed payload, another issuer.
 */
public final class TokenForge {

    private final ECKey serverKey;
    private final ECKey otherKey;

    /** @param serverKeyJwk the server's signing key as the store keeps it (a private JWK) */
    public TokenForge(String serverKeyJwk) {
        try {
            this.serverKey = ECKey.parse(serverKeyJwk);
            this.otherKey = new ECKeyGenerator(Curve.P_256).keyID(serverKey.getKeyID()).generate();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claims(String clientId, Instant issuedAt, Duration lifetime, String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(clientId).claim("client_id", clientId)
                .jwtID("forged-" + System.nanoTime()).claim("sid", "forged-family")
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime))).build();
    }

    private static String sign(ECKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Signed with the server's key, for a family the store does not know: refused as revoked. */
    public String unknownFamily(String clientId) {
        return sign(serverKey, claims(clientId, Instant.now(), Duration.ofMinutes(10), "customer-classification"));
    }

    /** Signed with the server's key, expired a minute ago. */
    public String expired(String clientId) {
        return sign(serverKey, claims(clientId, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(59),
                "customer-classification"));
    }

    /** Signed with a key of the same id that is not the server's. */
    public String otherKey(String clientId) {
        return sign(otherKey, claims(clientId, Instant.now(), Duration.ofMinutes(10), "customer-classification"));
    }

    /** {@code alg: none}. */
    public String unsigned(String clientId) {
        return new PlainJWT(claims(clientId, Instant.now(), Duration.ofMinutes(10), "customer-classification"))
                .serialize();
    }

    /** HS256 keyed with the server's public key. */
    public String hmacWithPublicKey(String clientId) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(serverKey.getKeyID()).build(),
                claims(clientId, Instant.now(), Duration.ofMinutes(10), "customer-classification"));
        try {
            jwt.sign(new MACSigner(Arrays.copyOf(serverKey.toPublicJWK().toJSONString()
                    .getBytes(StandardCharsets.UTF_8), 64)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A valid token of the server with its payload changed to another client. */
    public static String tampered(String validToken, String otherClientId) {
        String[] parts = validToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"sub\":\"[^\"]*\"", "\"sub\":\"" + otherClientId + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** Signed with the server's key by another issuer. */
    public String foreignIssuer(String clientId) {
        return sign(serverKey, claims(clientId, Instant.now(), Duration.ofMinutes(10), "https://idp.example.com"));
    }
}
