package io.customerclassification.bootstrap.e2e;

import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server started with {@code --oidc-issuer} and {@code --oidc-audience}, against an identity provider this test
 * serves itself on loopback (its discovery document and JWKS, as Keycloak publishes them): the provider's tokens are
 * accepted with the grants their claim carries and the user they name, beside the server's own tokens; a token of
 * another key or audience, or an expired one, is refused; such identities are never admins.
 */
class ExternalIssuerEndToEndTest {

    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String AUDIENCE = "customer-classification";

    private static HttpServer idp;
    private static String issuer;
    private static RSAKey signing;
    private static IdentityServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        signing = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/acme";
        idp.createContext("/realms/acme/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}"));
        idp.createContext("/realms/acme/protocol/openid-connect/certs",
                exchange -> respond(exchange, new JWKSet(signing.toPublicJWK()).toString()));
        idp.start();
        server = IdentityServer.start("--oidc-issuer", issuer, "--oidc-grants-claim", "cc_grants",
                "--oidc-audience", AUDIENCE);
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
        idp.stop(0);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void theIssuersTokenCarriesItsGrantsAndItsUserToTheAuditFields() throws Exception {
        Map<String, String> carol = bearer(token(signing, claims("carol").build()));
        Reply created = http.post(TYPES, "{\"id\": \"Via the provider\"}", carol);
        assertEquals(201, created.status(), created::toString);
        String href = created.json().get("ia::result").get("href").asText();
        Reply read = http.get(href, carol);
        assertEquals(200, read.status(), read::toString);
        assertEquals("carol", read.json().get("ia::result").get("audit").get("createdBy").asText());
        Reply delete = http.delete(href, carol);
        assertEquals(403, delete.status(), "the claim grants no delete: " + delete);
        assertEquals(403, http.get("/api/v1.0/companies/0/setup/customerProfiles/", carol).status(),
                "nor anything on customer profiles");
        assertEquals(200, http.get(href, server.asAdmin()).status(), "the server's own tokens work beside");
    }

    @Test
    void aTokenWithoutTheGrantsClaimGrantsNothing() throws Exception {
        Map<String, String> nobody = bearer(token(signing, claims("dave").claim("cc_grants", null).build()));
        assertEquals(403, http.get(TYPES, nobody).status());
    }

    @Test
    void aTokenOfAnotherKeyAudienceOrTimeIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        List<String> refused = List.of(
                token(impostor, claims("carol").build()),
                token(signing, claims("carol").audience("billing").build()),
                token(signing, claims("carol").expirationTime(Date.from(Instant.now().minusSeconds(60))).build()));
        for (String token : refused) {
            Reply reply = http.get(TYPES, bearer(token));
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("unauthorized", reply.json().get("ia::result").get("ia::error").get("code").asText());
        }
    }

    @Test
    void anIdentityOfTheIssuerIsNeverAnAdmin() throws Exception {
        Map<String, String> carol = bearer(token(signing, claims("carol").build()));
        assertEquals(403, http.get("/admin/v1/clients", carol).status());
    }

    private static JWTClaimsSet.Builder claims(String user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("subject-of-" + user)
                .audience(AUDIENCE)
                .claim("preferred_username", user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("cc_grants", List.of(Map.of("company", 0, "resource", "customer-type",
                        "permissions", List.of("list", "view", "add"))));
    }

    private static String token(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
