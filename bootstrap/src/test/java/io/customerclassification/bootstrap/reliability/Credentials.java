package io.customerclassification.bootstrap.reliability;

import static io.customerclassification.bootstrap.e2e.IdentityServer.basic;
import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static io.customerclassification.bootstrap.e2e.IdentityServer.createClient;
import static io.customerclassification.bootstrap.e2e.IdentityServer.form;
import static io.customerclassification.bootstrap.e2e.IdentityServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.TokenForge;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The bearer credentials the hostile-input properties send: the admin's valid token, and every kind that must never
 * get a 2xx — made against the running server (revoked, of a deleted client, of a client with no grant) or forged
 * with the store's own signing key, as someone holding a copy of the store could.
 */
final class Credentials {

    /**
     * A credential and whether a request carrying it may be accepted at all; {@code seesNothing}: a valid credential
     * without grants, accepted only where the answer shows none of the data (the empty list of companies it may see).
     */
    record Credential(String kind, Map<String, String> headers, boolean mayPass, boolean seesNothing) {

        Credential(String kind, Map<String, String> headers, boolean mayPass) {
            this(kind, headers, mayPass, false);
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private final Credential admin;
    private final List<Credential> refused;

    private Credentials(Credential admin, List<Credential> refused) {
        this.admin = admin;
        this.refused = refused;
    }

    Credential admin() {
        return admin;
    }

    /** The admin's token six times in ten; else no token, or one of those that must never pass, alike. */
    Arbitrary<Credential> arbitrary() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(admin)), Tuple.of(4, Arbitraries.of(refused)));
    }

    /** @param signingKey the server's signing key as its store holds it */
    static Credentials make(Http http, String signingKey, String clientId, String secret) {
        String token = token(http, clientId, secret);
        Map<String, String> asAdmin = bearer(token);
        String noGrants = clientToken(http, asAdmin, "no-grants", "[]");
        String revoked = token(http, clientId, secret);
        assertEquals(200, http.exchange("POST", "/oauth2/revoke", BodyPublishers.ofString("token=" + revoked),
                form(clientId, secret)).status());
        String ofDeletedClient = clientToken(http, asAdmin, "gone",
                "[{\"company\":\"*\",\"resource\":\"customer-type\",\"permissions\":[\"list\",\"view\",\"add\"]}]");
        assertEquals(204, http.send("DELETE", "/admin/v1/clients/gone", null, asAdmin).status());
        TokenForge forge = new TokenForge(signingKey);
        List<Credential> refused = new ArrayList<>(List.of(
                new Credential("no token", Map.of(), false),
                new Credential("a malformed token", bearer("a.b"), false),
                new Credential("another scheme", Map.of("Authorization", "Basic " + basic(clientId, secret)), false),
                new Credential("an expired token", bearer(forge.expired(clientId)), false),
                new Credential("a token signed by another key", bearer(forge.otherKey(clientId)), false),
                new Credential("an unsigned token (alg none)", bearer(forge.unsigned(clientId)), false),
                new Credential("an HMAC keyed with the public key", bearer(forge.hmacWithPublicKey(clientId)), false),
                new Credential("a tampered payload", bearer(TokenForge.tampered(token, "no-grants")), false),
                new Credential("another issuer's token", bearer(forge.foreignIssuer(clientId)), false),
                new Credential("a signed token of no family", bearer(forge.unknownFamily(clientId)), false),
                new Credential("a revoked token", bearer(revoked), false),
                new Credential("a deleted client's token", bearer(ofDeletedClient), false),
                new Credential("an unknown API key", bearer("cck_" + "A".repeat(59)), false),
                new Credential("a token without grants", bearer(noGrants), false, true)));
        return new Credentials(new Credential("the admin's token", asAdmin, true), refused);
    }

    /** A new client with {@code grants} (JSON), and a token of it. */
    private static String clientToken(Http http, Map<String, String> asAdmin, String clientId, String grants) {
        return token(http, clientId, createClient(http, asAdmin, clientId, grants));
    }
}
