package io.customerclassification.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.customerclassification.application.port.out.identity.AccessTokenClaims;
import io.customerclassification.application.port.out.identity.SigningKey;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import io.customerclassification.domain.shared.CompanyId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtAccessTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccessTokenClaims CLAIMS = new AccessTokenClaims("jti-1", ClientId.of("reporting"), "alice",
            CompanyId.of(7), "family-1", NOW, NOW.plus(Duration.ofHours(1)));

    private final JwtAccessTokenCodec codec = new JwtAccessTokenCodec("customer-classification");
    private final SigningKey key = codec.generateSigningKey("k1", NOW);
    private final String token = codec.encode(CLAIMS, key);

    @Test
    void aTokenIsAnEs256JwtOfTypeAtJwtThatDecodesToItsClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals("k1", jwt.getHeader().getKeyID());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("customer-classification", claims.getIssuer());
        assertEquals("reporting", claims.getSubject());
        assertEquals("reporting", claims.getStringClaim("client_id"));
        assertEquals(7L, claims.getLongClaim("company"));
        assertEquals(CLAIMS, codec.decode(token, List.of(key), NOW.plusSeconds(10)));
    }

    @Test
    void withoutUserAndCompanyTheClaimsAreAbsent() throws Exception {
        AccessTokenClaims plain = new AccessTokenClaims("j", ClientId.of("c"), null, null, "f", NOW, NOW.plusSeconds(60));
        String encoded = codec.encode(plain, key);
        assertFalse(SignedJWT.parse(encoded).getJWTClaimsSet().getClaims().containsKey("user"));
        assertEquals(plain, codec.decode(encoded, List.of(key), NOW));
    }

    @Test
    void thePublishedKeySetHoldsOnlyPublicKeysThatVerifyTheTokens() throws Exception {
        String published = codec.publicKeySet(List.of(key, codec.generateSigningKey("k2", NOW)));
        JWKSet set = JWKSet.parse(published);
        assertEquals(2, set.getKeys().size());
        assertFalse(published.contains("\"d\""), published);
        ECKey k1 = (ECKey) set.getKeyByKeyId("k1");
        assertFalse(k1.isPrivate());
        assertEquals("ES256", k1.getAlgorithm().getName());
        assertTrue(SignedJWT.parse(token).verify(new ECDSAVerifier(k1)));
    }

    @Test
    void anExpiredOrFutureTokenIsRefused() {
        assertEquals(Reason.EXPIRED, refused(token, List.of(key), NOW.plus(Duration.ofHours(1))));
        assertEquals(Reason.NOT_YET_VALID, refused(token, List.of(key), NOW.minus(Duration.ofSeconds(61))));
    }

    @Test
    void aTokenSignedByAnotherKeyOrAKeyNotListedIsRefused() {
        SigningKey sameIdOtherPair = codec.generateSigningKey("k1", NOW);
        assertEquals(Reason.BAD_SIGNATURE, refused(token, List.of(sameIdOtherPair), NOW));
        assertEquals(Reason.BAD_SIGNATURE, refused(token, List.of(codec.generateSigningKey("k2", NOW)), NOW));
        assertEquals(Reason.BAD_SIGNATURE, refused(token, List.of(), NOW));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"reporting\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(Reason.BAD_SIGNATURE, refused(tampered, List.of(key), NOW));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(claims("customer-classification")).serialize();
        assertTrue(none.endsWith("."));
        assertEquals(Reason.BAD_SIGNATURE, refused(none, List.of(key), NOW));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        ECKey pair = ECKey.parse(key.material());
        byte[] publicKey = pair.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                claims("customer-classification"));
        hmac.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, 64)));
        assertEquals(Reason.BAD_SIGNATURE, refused(hmac.serialize(), List.of(key), NOW));
    }

    @Test
    void aTokenOfAnotherIssuerIsRecognisedAsSuch() throws Exception {
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                claims("https://idp.example.com"));
        foreign.sign(new ECDSASigner(ECKey.parse(key.material())));
        assertEquals(Reason.UNKNOWN_ISSUER, refused(foreign.serialize(), List.of(key), NOW));
    }

    @Test
    void aSignedTokenWithoutTheClaimsOfThisServerIsMalformed() throws Exception {
        SignedJWT partial = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer("customer-classification").subject("not a client id")
                        .jwtID("j").claim("sid", "f").issueTime(Date.from(NOW))
                        .expirationTime(Date.from(NOW.plusSeconds(60))).build());
        partial.sign(new ECDSASigner(ECKey.parse(key.material())));
        assertEquals(Reason.MALFORMED, refused(partial.serialize(), List.of(key), NOW));
    }

    @Test
    void garbageIsMalformed() {
        for (String garbage : List.of("", "a.b", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.e30", "\u0000.\u0001.\u0002")) {
            assertEquals(Reason.MALFORMED, refused(garbage, List.of(key), NOW), garbage);
        }
    }

    @Test
    void theKeyMaterialIsNeverShownByItsRecord() {
        assertFalse(key.toString().contains(key.material()));
        assertTrue(key.material().contains("\"d\""), "the material is the private JWK");
    }

    private static JWTClaimsSet claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("admin").jwtID("j").claim("sid", "f")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).build();
    }

    private Reason refused(String candidate, List<SigningKey> keys, Instant at) {
        return assertThrows(InvalidTokenException.class, () -> codec.decode(candidate, keys, at)).reason();
    }
}
