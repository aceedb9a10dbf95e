package io.customerclassification.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.customerclassification.application.port.out.identity.AccessTokenClaims;
import io.customerclassification.application.port.out.identity.AccessTokenCodecPort;
import io.customerclassification.application.port.out.identity.SigningKey;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import io.customerclassification.domain.shared.CompanyId;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens as JWTs (RFC 9068 profile, {@code typ: at+jwt}) signed with ES256 (ECDSA on P-256) by Nimbus JOSE +
 * JWT. A key's material is its private JWK; only ES256 is accepted when verifying, so neither {@code alg: none} nor
 * an HMAC keyed with a public key can pass.
 *
 * <p>Claims: {@code iss} (this server), {@code sub} and {@code client_id} (the client), {@code jti} (what a single
 * revocation names), {@code sid} (the token family), {@code iat}, {@code exp}, and when given {@code user} and
 * {@code company} (the company limit).
 */
public final class JwtAccessTokenCodec implements AccessTokenCodecPort {

    public static final String ALGORITHM = JWSAlgorithm.ES256.getName();
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    /** How far ahead of this instance's clock another instance's {@code iat} may be. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_PARSED_KEYS = 16;

    private final String issuer;
    private final Map<String, ECKey> parsed = new ConcurrentHashMap<>();

    /** @param issuer what this server writes as {@code iss}, and accepts as its own */
    public JwtAccessTokenCodec(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public SigningKey generateSigningKey(String keyId, Instant createdAt) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new SigningKey(keyId, ALGORITHM, key.toJSONString(), createdAt, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key pair", e);
        }
    }

    @Override
    public String encode(AccessTokenClaims claims, SigningKey key) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.clientId().value())
                .claim("client_id", claims.clientId().value())
                .jwtID(claims.tokenId())
                .claim("sid", claims.familyId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()));
        if (claims.user() != null) {
            body.claim("user", claims.user());
        }
        if (claims.companyLimit() != null) {
            body.claim("company", claims.companyLimit().value());
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId()).type(ACCESS_TOKEN_TYPE).build(),
                body.build());
        try {
            jwt.sign(new ECDSASigner(ecKey(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.keyId(), e);
        }
        return jwt.serialize();
    }

    @Override
    public AccessTokenClaims decode(String token, List<SigningKey> keys, Instant now) {
        JWT parsedToken;
        JWTClaimsSet claims;
        try {
            parsedToken = JWTParser.parse(token);
            claims = parsedToken.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException(Reason.UNKNOWN_ISSUER);
        }
        if (!(parsedToken instanceof SignedJWT jwt) || !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        SigningKey key = keys.stream().filter(k -> k.keyId().equals(jwt.getHeader().getKeyID())).findFirst()
                .orElseThrow(() -> new InvalidTokenException(Reason.BAD_SIGNATURE));
        try {
            if (!jwt.verify(new ECDSAVerifier(ecKey(key).toPublicJWK()))) {
                throw new InvalidTokenException(Reason.BAD_SIGNATURE);
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        return claims(claims, now);
    }

    private static AccessTokenClaims claims(JWTClaimsSet claims, Instant now) {
        Date expiresAt = claims.getExpirationTime();
        Date issuedAt = claims.getIssueTime();
        if (expiresAt == null || issuedAt == null) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!now.isBefore(expiresAt.toInstant())) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        if (issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID);
        }
        try {
            String subject = claims.getSubject();
            String tokenId = claims.getJWTID();
            String familyId = claims.getStringClaim("sid");
            Long company = claims.getLongClaim("company");
            if (!ClientId.isValid(subject) || tokenId == null || familyId == null || (company != null && company < 0)) {
                throw new InvalidTokenException(Reason.MALFORMED);
            }
            return new AccessTokenClaims(tokenId, ClientId.of(subject), claims.getStringClaim("user"),
                    company == null ? null : CompanyId.of(company), familyId, issuedAt.toInstant(),
                    expiresAt.toInstant());
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    @Override
    public String publicKeySet(List<SigningKey> keys) {
        List<JWK> published = keys.stream().<JWK>map(key -> ecKey(key).toPublicJWK()).toList();
        return new JWKSet(published).toString(true);
    }

    private ECKey ecKey(SigningKey key) {
        if (!ALGORITHM.equals(key.algorithm())) {
            throw new IllegalStateException("key " + key.keyId() + " is for " + key.algorithm() + ", not " + ALGORITHM);
        }
        ECKey cached = parsed.get(key.material());
        if (cached != null) {
            return cached;
        }
        try {
            ECKey ecKey = ECKey.parse(key.material());
            if (parsed.size() >= MAX_PARSED_KEYS) {
                parsed.clear();
            }
            parsed.put(key.material(), ecKey);
            return ecKey;
        } catch (ParseException e) {
            throw new IllegalStateException("the store holds an unreadable key " + key.keyId(), e);
        }
    }
}
