package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.inmemory.InMemoryIdentity;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreatedApiKey;
import io.customerclassification.application.port.in.identity.IssuedTokens;
import io.customerclassification.application.port.in.identity.RevokeApiKeyCommand;
import io.customerclassification.application.port.in.identity.UpdateClientCommand;
import io.customerclassification.application.port.out.identity.ExternalIdentity;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest extends IdentityFixtures {

    private static final Caller SYSTEM = Caller.system(null);

    private final ClientWithSecret reporting = client("reporting", false, VIEW_TYPES_OF_ONE);

    @Test
    void aTokenIsVerifiedOnceAndThenRememberedWhileNothingChanges() {
        String access = token(reporting).accessToken();
        int decodes = identity.crypto().decodes();
        for (int i = 0; i < 5; i++) {
            assertEquals(reporting.client().id(), authenticate(access).clientId());
        }
        assertEquals(decodes + 1, identity.crypto().decodes());
    }

    @Test
    void changedGrantsApplyAtOnceToATokenAlreadyIssued() {
        String access = token(reporting).accessToken();
        assertEquals(VIEW_TYPES_OF_ONE, authenticate(access).grants());
        List<Grant> more = List.of(Grant.onEveryCompany(Resource.CUSTOMER_PROFILE, Set.of(Permission.ADD)));
        identity.clients().updateClient(new UpdateClientCommand(SYSTEM, reporting.client().id(), true, more));
        Caller after = authenticate(access);
        assertEquals(more, after.grants());
        assertTrue(after.admin());
    }

    @Test
    void aDeletedClientsTokensAndKeysStopAtOnce() {
        String access = token(reporting).accessToken();
        String apiKey = apiKey(reporting).apiKey();
        authenticate(access);
        authenticate(apiKey);
        identity.clients().deleteClient(new ClientQuery(SYSTEM, reporting.client().id()));
        assertEquals(Reason.UNKNOWN_CLIENT, refused(access));
        assertEquals(Reason.UNKNOWN_API_KEY, refused(apiKey));
    }

    @Test
    void aRecreatedClientDoesNotReviveTheTokensOfItsNamesake() {
        String access = token(reporting).accessToken();
        identity.clients().deleteClient(new ClientQuery(SYSTEM, reporting.client().id()));
        client("reporting", false, VIEW_TYPES_OF_ONE);
        assertEquals(Reason.REVOKED, refused(access));
    }

    @Test
    void aRotatedSecretRevokesTheClientsTokensButNotItsApiKeys() {
        String access = token(reporting).accessToken();
        String apiKey = apiKey(reporting).apiKey();
        ClientWithSecret rotated = identity.clients().rotateClientSecret(new ClientQuery(SYSTEM, reporting.client().id()));
        assertEquals(Reason.REVOKED, refused(access));
        assertDoesNotThrow(() -> authenticate(apiKey));
        assertDoesNotThrow(() -> authenticate(token(rotated).accessToken()));
    }

    @Test
    void anApiKeyCarriesItsClientsGrantsWithoutUserOrCompanyLimit() {
        CreatedApiKey key = apiKey(reporting);
        assertTrue(key.apiKey().startsWith("cck_" + key.keyId()));
        int hashes = identity.crypto().slowHashes();
        Caller caller = authenticate(key.apiKey());
        authenticate(key.apiKey());
        assertEquals(hashes + 1, identity.crypto().slowHashes(), "an API key is hashed once, then remembered");
        assertEquals(reporting.client().id(), caller.clientId());
        assertEquals("reporting", caller.auditUser());
        assertNull(caller.companyLimit());
        assertEquals(VIEW_TYPES_OF_ONE, caller.grants());
    }

    @Test
    void aRevokedApiKeyStopsAtOnceAndAForgedOneNeverWorks() {
        CreatedApiKey key = apiKey(reporting);
        authenticate(key.apiKey());
        String forged = key.apiKey().substring(0, key.apiKey().length() - 1)
                + (key.apiKey().endsWith("A") ? "B" : "A");
        assertEquals(Reason.UNKNOWN_API_KEY, refused(forged));
        identity.clients().revokeApiKey(new RevokeApiKeyCommand(SYSTEM, reporting.client().id(), key.keyId()));
        assertEquals(Reason.UNKNOWN_API_KEY, refused(key.apiKey()));
    }

    @Test
    void expiredTamperedForeignMalformedAndMissingCredentialsAreRefusedWithTheirReason() {
        String access = token(reporting).accessToken();
        String[] parts = access.split("\\.");
        assertEquals(Reason.BAD_SIGNATURE, refused(parts[0] + "." + parts[1] + "." + parts[2] + "X." + parts[3]));
        assertEquals(Reason.BAD_SIGNATURE, refused(parts[0] + ".otherkey." + parts[2] + "." + parts[3]));
        assertEquals(Reason.UNKNOWN_ISSUER, refused("other." + parts[1] + "." + parts[2] + "." + parts[3]));
        assertEquals(Reason.MALFORMED, refused("no-dots-here"));
        assertEquals(Reason.MALFORMED, refused("a.b.c." + "x".repeat(9000)));
        assertEquals(Reason.MISSING, refused(null));
        assertEquals(Reason.MISSING, refused(" "));

        authenticate(access);
        clock.advance(Duration.ofHours(1));
        assertEquals(Reason.EXPIRED, refused(access), "a remembered token expires too");
        IssuedTokens fresh = token(reporting);
        clock.advance(Duration.ofHours(1));
        assertEquals(Reason.EXPIRED, refused(fresh.accessToken()), "and so does one never seen");
    }

    @Test
    void theUserAndTheCompanyLimitComeFromTheTokenAndTheAuditUserFallsBackToTheClient() {
        Caller caller = authenticate(token(reporting).accessToken());
        assertNull(caller.user());
        assertEquals("reporting", caller.auditUser());
        assertNull(Caller.system(null).auditUser());
        assertEquals("ops", Caller.system("ops").auditUser());
    }

    @Test
    void anExternalIssuersTokenIsAcceptedWithTheGrantsItCarriesWhenConfigured() {
        List<Grant> grants = List.of(Grant.on(ONE, Resource.CUSTOMER_PROFILE, Set.of(Permission.LIST)));
        Instant expiry = START.plus(Duration.ofMinutes(5));
        InMemoryIdentity withIssuer = InMemoryIdentity.create(clock, TokenLifetimes.DEFAULT, (token, now) -> {
            if (!token.equals("idp.header.payload.signature")) {
                throw new InvalidTokenException(Reason.BAD_SIGNATURE);
            }
            return new ExternalIdentity("carol@example.com", grants, expiry);
        });
        Caller caller = withIssuer.authentication().authenticate("idp.header.payload.signature");
        assertEquals("carol@example.com", caller.auditUser());
        assertEquals(grants, caller.grants());
        assertNull(caller.clientId());
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(InvalidTokenException.class,
                () -> withIssuer.authentication().authenticate("idp.header.payload.forged")).reason());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Reason.EXPIRED, assertThrows(InvalidTokenException.class,
                () -> withIssuer.authentication().authenticate("idp.header.payload.signature")).reason());

        assertEquals(Reason.UNKNOWN_ISSUER, refused("idp.header.payload.signature"), "not without an issuer");
    }

    @Test
    void onlyTheBoundedNumberOfCredentialsIsRemembered() {
        String access = token(reporting).accessToken();
        authenticate(access);
        for (int i = 0; i < AuthenticationService.MAX_REMEMBERED; i++) {
            authenticate(token(reporting).accessToken());
        }
        int decodes = identity.crypto().decodes();
        authenticate(access);
        assertEquals(decodes + 1, identity.crypto().decodes(), "the first token had to be verified again");
    }

    private CreatedApiKey apiKey(ClientWithSecret client) {
        return identity.clients().createApiKey(new ClientQuery(SYSTEM, client.client().id()));
    }

    private Reason refused(String credential) {
        return assertThrows(InvalidTokenException.class, () -> authenticate(credential)).reason();
    }
}
