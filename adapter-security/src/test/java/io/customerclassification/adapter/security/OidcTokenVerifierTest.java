package io.customerclassification.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.customerclassification.application.port.out.identity.ExternalIdentity;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An external issuer that this test serves itself on loopback: its discovery document and its JWKS. */
class OidcTokenVerifierTest {

    private static final Instant NOW = Instant.now();

    private HttpServer idp;
    private String issuer;
    private RSAKey signing;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private OidcTokenVerifier verifier;

    @BeforeEach
    void startIssuer() throws Exception {
        signing = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/test";
        idp.createContext("/realms/test/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}"));
        idp.createContext("/realms/test/certs", exchange -> {
            jwksFetches.incrementAndGet();
            respond(exchange, new JWKSet(signing.toPublicJWK()).toString());
        });
        idp.start();
        verifier = new OidcTokenVerifier(new OidcTokenVerifier.Settings(URI.create(issuer),
                OidcTokenVerifier.Settings.DEFAULT_GRANTS_CLAIM, null, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopIssuer() {
        idp.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aTokenOfTheIssuerCarriesItsUserAndGrants() throws Exception {
        String token = token(signing, claims().build());
        ExternalIdentity identity = verifier.verifyExternalToken(token, NOW);
        assertEquals("carol", identity.user());
        assertEquals(List.of(Grant.on(CompanyId.of(1), Resource.CUSTOMER_TYPE, Set.of(Permission.LIST, Permission.VIEW)),
                Grant.onEveryCompany(Resource.CUSTOMER_PROFILE, Set.of(Permission.ADD))), identity.grants());
        verifier.verifyExternalToken(token, NOW);
        assertEquals(1, jwksFetches.get(), "the issuer's keys are fetched once, then cached");
    }

    @Test
    void theSubjectStandsInForAMissingUsernameAndNoGrantsClaimGrantsNothing() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims().build())
                .claim("preferred_username", null).claim(OidcTokenVerifier.Settings.DEFAULT_GRANTS_CLAIM, null).build();
        ExternalIdentity identity = verifier.verifyExternalToken(token(signing, claims), NOW);
        assertEquals("user-123", identity.user());
        assertEquals(List.of(), identity.grants());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        assertEquals(Reason.BAD_SIGNATURE, refused(token(other, claims().build())));
    }

    @Test
    void anExpiredTokenOrOneOfAnotherIssuerOrAudienceIsRefused() throws Exception {
        assertEquals(Reason.EXPIRED, refused(token(signing,
                claims().expirationTime(Date.from(NOW.minusSeconds(1))).build())));
        assertEquals(Reason.UNKNOWN_ISSUER, refused(token(signing, claims().issuer("https://elsewhere").build())));
        OidcTokenVerifier withAudience = new OidcTokenVerifier(new OidcTokenVerifier.Settings(URI.create(issuer),
                OidcTokenVerifier.Settings.DEFAULT_GRANTS_CLAIM, "customer-classification", Duration.ofSeconds(5)));
        String forOthers = token(signing, claims().audience("billing").build());
        assertEquals(Reason.UNKNOWN_ISSUER, assertThrows(InvalidTokenException.class,
                () -> withAudience.verifyExternalToken(forOthers, NOW)).reason());
        String forUs = token(signing, claims().audience(List.of("billing", "customer-classification")).build());
        assertEquals("carol", withAudience.verifyExternalToken(forUs, NOW).user());
    }

    @Test
    void anUnreadableGrantsClaimRefusesTheToken() throws Exception {
        for (Object bad : List.of("all", List.of("x"), List.of(Map.of("company", -1, "resource", "customer-type",
                "permissions", List.of("view"))), List.of(Map.of("company", 1, "resource", "invoice",
                "permissions", List.of("view"))), List.of(Map.of("company", 1, "resource", "customer-type",
                "permissions", List.of("fly"))))) {
            JWTClaimsSet claims = claims().claim(OidcTokenVerifier.Settings.DEFAULT_GRANTS_CLAIM, bad).build();
            assertEquals(Reason.MALFORMED, refused(token(signing, claims)), String.valueOf(bad));
        }
    }

    @Test
    void anUnreachableIssuerRefusesItsTokens() throws Exception {
        String token = token(signing, claims().build());
        idp.stop(0);
        assertEquals(Reason.BAD_SIGNATURE, refused(token));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-123")
                .claim("preferred_username", "carol")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim(OidcTokenVerifier.Settings.DEFAULT_GRANTS_CLAIM, List.of(
                        Map.of("company", 1, "resource", "customer-type", "permissions", List.of("list", "view")),
                        Map.of("company", "*", "resource", "customer-profile", "permissions", List.of("add"))));
    }

    private static String token(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private Reason refused(String token) {
        return assertThrows(InvalidTokenException.class, () -> verifier.verifyExternalToken(token, NOW)).reason();
    }
}
