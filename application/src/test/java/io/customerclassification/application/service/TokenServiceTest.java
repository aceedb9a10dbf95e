package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.ClientCredentials;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.IssueTokenCommand;
import io.customerclassification.application.port.in.identity.IssuedTokens;
import io.customerclassification.application.port.in.identity.RefreshTokenCommand;
import io.customerclassification.application.port.in.identity.RevokeTokenCommand;
import io.customerclassification.application.port.in.identity.UnsupportedTokenTypeException;
import io.customerclassification.domain.identity.AdminRequiredException;
import io.customerclassification.domain.identity.InvalidClientException;
import io.customerclassification.domain.identity.InvalidGrantException;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.TooManyFailedAuthenticationsException;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenServiceTest extends IdentityFixtures {

    private final ClientWithSecret reporting = client("reporting", false, VIEW_TYPES_OF_ONE);

    @Test
    void clientCredentialsGiveAnAccessTokenOfOneHourAndARefreshToken() {
        IssuedTokens tokens = identity.tokens().issueToken(
                new IssueTokenCommand(credentials(reporting), "alice", ONE));
        assertEquals(Duration.ofHours(1), tokens.expiresIn());
        assertTrue(tokens.refreshToken().startsWith("ccr_"));
        Caller caller = authenticate(tokens.accessToken());
        assertEquals(reporting.client().id(), caller.clientId());
        assertEquals("alice", caller.user());
        assertEquals(ONE, caller.companyLimit());
        assertEquals(VIEW_TYPES_OF_ONE, caller.grants());
        assertFalse(caller.toString().contains(tokens.accessToken()));
        assertFalse(tokens.toString().contains(tokens.accessToken()) || tokens.toString().contains(tokens.refreshToken()));
    }

    @Test
    void eachTokenRequestCostsOneSlowHash() {
        int before = identity.crypto().slowHashes();
        token(reporting);
        assertEquals(before + 1, identity.crypto().slowHashes());
    }

    @Test
    void aWrongSecretAndAnUnknownClientAreRefusedAlikeAndCostAlike() {
        assertThrows(InvalidClientException.class, () -> issue(new ClientCredentials("warm-up", "x")));
        int before = identity.crypto().slowHashes();
        InvalidClientException wrongSecret = assertThrows(InvalidClientException.class,
                () -> issue(new ClientCredentials("reporting", "wrong")));
        int middle = identity.crypto().slowHashes();
        InvalidClientException unknownClient = assertThrows(InvalidClientException.class,
                () -> issue(new ClientCredentials("nobody", "x")));
        assertEquals(1, middle - before);
        assertEquals(1, identity.crypto().slowHashes() - middle);
        assertEquals(wrongSecret.getMessage(), unknownClient.getMessage());
    }

    @Test
    void malformedCredentialsAreRefusedWithoutAHash() {
        int before = identity.crypto().slowHashes();
        for (ClientCredentials bad : List.of(new ClientCredentials(null, "x"), new ClientCredentials("a b", "x"),
                new ClientCredentials("x".repeat(65), "x"), new ClientCredentials("reporting", null))) {
            assertThrows(InvalidClientException.class,
                    () -> identity.tokens().issueToken(new IssueTokenCommand(bad, null, null)));
        }
        assertEquals(before, identity.crypto().slowHashes());
    }

    @Test
    void aUserWithControlCharactersOrTooLongIsABadRequest() {
        assertThrows(ConstraintViolationException.class,
                () -> new IssueTokenCommand(credentials(reporting), "al\nice", null));
        assertThrows(ConstraintViolationException.class,
                () -> new IssueTokenCommand(credentials(reporting), "a".repeat(256), null));
        assertThrows(ConstraintViolationException.class,
                () -> new IssueTokenCommand(credentials(reporting), "", null));
        assertDoesNotThrow(() -> new IssueTokenCommand(credentials(reporting), "a".repeat(255), null));
    }

    @Test
    void tenFailuresInAMinuteLockTheClientIdForTheRestOfTheMinuteOnly() {
        ClientWithSecret other = client("other", false, List.of());
        ClientCredentials wrong = new ClientCredentials("reporting", "wrong");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThrows(InvalidClientException.class,
                    () -> identity.tokens().issueToken(new IssueTokenCommand(wrong, null, null)));
        }
        int hashes = identity.crypto().slowHashes();
        TooManyFailedAuthenticationsException locked = assertThrows(TooManyFailedAuthenticationsException.class,
                () -> token(reporting), "the right secret is refused too");
        assertEquals(Duration.ofSeconds(51), locked.retryAfter());
        assertEquals(hashes, identity.crypto().slowHashes(), "a locked client id costs no hash");
        assertDoesNotThrow(() -> token(other), "other clients are not affected");

        clock.advance(Duration.ofSeconds(50));
        assertThrows(TooManyFailedAuthenticationsException.class, () -> token(reporting));
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> token(reporting));
    }

    @Test
    void successesAreNoFailuresSoAClientThatKeepsGettingTokensIsNeverLocked() {
        ClientCredentials wrong = new ClientCredentials("reporting", "wrong");
        for (int i = 0; i < 9; i++) {
            assertThrows(InvalidClientException.class,
                    () -> identity.tokens().issueToken(new IssueTokenCommand(wrong, null, null)));
        }
        for (int i = 0; i < 20; i++) {
            assertDoesNotThrow(() -> token(reporting), "success " + i + " after nine failures");
        }
        assertThrows(InvalidClientException.class,
                () -> identity.tokens().issueToken(new IssueTokenCommand(wrong, null, null)));
        assertThrows(TooManyFailedAuthenticationsException.class, () -> token(reporting), "the tenth failure locks");
    }

    @Test
    void unknownClientIdsAreThrottledToo() {
        ClientCredentials unknown = new ClientCredentials("ghost", "x");
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidClientException.class,
                    () -> identity.tokens().issueToken(new IssueTokenCommand(unknown, null, null)));
        }
        assertThrows(TooManyFailedAuthenticationsException.class,
                () -> identity.tokens().issueToken(new IssueTokenCommand(unknown, null, null)));
    }

    @Test
    void aRefreshRotatesAndTheOldRefreshTokenStopsWorking() {
        IssuedTokens first = token(reporting);
        IssuedTokens second = refresh(reporting, first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(reporting.client().id(), authenticate(second.accessToken()).clientId());
        IssuedTokens third = refresh(reporting, second.refreshToken());
        assertDoesNotThrow(() -> authenticate(third.accessToken()));
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeFamily() {
        IssuedTokens first = token(reporting);
        IssuedTokens second = refresh(reporting, first.refreshToken());
        IssuedTokens unrelated = token(reporting);
        assertDoesNotThrow(() -> authenticate(first.accessToken()));

        InvalidGrantException reuse = assertThrows(InvalidGrantException.class,
                () -> refresh(reporting, first.refreshToken()));
        assertEquals(InvalidGrantException.Reason.REUSED, reuse.reason());

        for (String access : List.of(first.accessToken(), second.accessToken())) {
            assertEquals(InvalidTokenException.Reason.REVOKED,
                    assertThrows(InvalidTokenException.class, () -> authenticate(access)).reason());
        }
        assertEquals(InvalidGrantException.Reason.REVOKED, assertThrows(InvalidGrantException.class,
                () -> refresh(reporting, second.refreshToken())).reason());
        assertDoesNotThrow(() -> authenticate(unrelated.accessToken()), "another family is not affected");
    }

    @Test
    void aRefreshTokenWorksOnlyForItsClientAndWithinItsFamilysLifetime() {
        ClientWithSecret other = client("other", false, List.of());
        IssuedTokens tokens = token(reporting);
        assertEquals(InvalidGrantException.Reason.OTHER_CLIENT, assertThrows(InvalidGrantException.class,
                () -> refresh(other, tokens.refreshToken())).reason());
        assertEquals(InvalidGrantException.Reason.UNKNOWN, assertThrows(InvalidGrantException.class,
                () -> refresh(reporting, "ccr_" + "x".repeat(43))).reason());

        clock.advance(Duration.ofDays(29));
        IssuedTokens refreshed = refresh(reporting, tokens.refreshToken());
        clock.advance(Duration.ofDays(1));
        assertEquals(InvalidGrantException.Reason.EXPIRED, assertThrows(InvalidGrantException.class,
                () -> refresh(reporting, refreshed.refreshToken())).reason());
    }

    @Test
    void expiredFamiliesAreDeletedOnceTheirAccessTokensCannotBeLive() {
        token(reporting);
        clock.advance(Duration.ofDays(30).plusHours(1).plusSeconds(1));
        token(reporting);
        assertEquals(1, identity.store().tokenFamilyCount());
        assertEquals(1, identity.store().refreshTokenCount());
    }

    @Test
    void revokingAnAccessTokenEndsItAndNoOther() {
        IssuedTokens first = token(reporting);
        IssuedTokens second = token(reporting);
        authenticate(first.accessToken());
        revoke(reporting, first.accessToken());
        assertEquals(InvalidTokenException.Reason.REVOKED,
                assertThrows(InvalidTokenException.class, () -> authenticate(first.accessToken())).reason());
        assertDoesNotThrow(() -> authenticate(second.accessToken()));
        assertDoesNotThrow(() -> refresh(reporting, first.refreshToken()), "its refresh token still works");
    }

    @Test
    void revokingARefreshTokenEndsItAndTheAccessTokensOfItsFamily() {
        IssuedTokens tokens = token(reporting);
        revoke(reporting, tokens.refreshToken());
        assertThrows(InvalidTokenException.class, () -> authenticate(tokens.accessToken()));
        assertEquals(InvalidGrantException.Reason.REVOKED, assertThrows(InvalidGrantException.class,
                () -> refresh(reporting, tokens.refreshToken())).reason());
    }

    @Test
    void revocationIgnoresUnknownAndExpiredTokensAndRefusesOtherClientsTokensAndApiKeys() {
        ClientWithSecret other = client("other", false, List.of());
        IssuedTokens tokens = token(reporting);
        assertDoesNotThrow(() -> revoke(reporting, "not-a-token"));
        assertDoesNotThrow(() -> revoke(reporting, "fake.k.p.m"));
        assertDoesNotThrow(() -> revoke(reporting, "ccr_unknown"));
        assertThrows(InvalidGrantException.class, () -> revoke(other, tokens.accessToken()));
        assertThrows(InvalidGrantException.class, () -> revoke(other, tokens.refreshToken()));
        assertDoesNotThrow(() -> authenticate(tokens.accessToken()), "another client's attempt revoked nothing");
        String apiKey = identity.clients().createApiKey(new ClientQuery(Caller.system(null), reporting.client().id()))
                .apiKey();
        assertThrows(UnsupportedTokenTypeException.class, () -> revoke(reporting, apiKey));
        assertThrows(InvalidClientException.class, () -> identity.tokens().revokeToken(
                new RevokeTokenCommand(new ClientCredentials("reporting", "wrong"), tokens.accessToken())));
    }

    @Test
    void revocationsAreForgottenOnceTheirTokensHaveExpired() {
        revoke(reporting, token(reporting).accessToken());
        assertEquals(1, identity.store().revokedAccessTokenCount());
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        revoke(reporting, token(reporting).accessToken());
        assertEquals(1, identity.store().revokedAccessTokenCount());
    }

    @Test
    void aRotatedKeySignsNewTokensWhileTheOldOneStaysValidUntilItsTokensHaveExpired() {
        IssuedTokens before = token(reporting);
        String oldKey = before.accessToken().split("\\.")[1];
        String newKey = identity.tokens().rotateSigningKey(Caller.system(null));
        IssuedTokens after = token(reporting);
        assertEquals(newKey, after.accessToken().split("\\.")[1]);
        assertDoesNotThrow(() -> authenticate(before.accessToken()));
        String published = identity.tokens().publicKeySet();
        assertTrue(published.contains(oldKey) && published.contains(newKey), published);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertFalse(identity.tokens().publicKeySet().contains(oldKey), "the old key is no longer published");
        identity.tokens().rotateSigningKey(Caller.system(null));
        assertTrue(identity.store().loadSigningKeys().stream().noneMatch(key -> key.keyId().equals(oldKey)),
                "the old key is deleted by a later rotation");
    }

    @Test
    void onlyAnAdminRotatesKeys() {
        Caller plain = authenticate(token(reporting).accessToken());
        assertThrows(AdminRequiredException.class, () -> identity.tokens().rotateSigningKey(plain));
    }

    @Test
    void ensuringASigningKeyAddsOneOnlyWhenNoneSigns() {
        int keys = identity.store().loadSigningKeys().size();
        identity.tokens().ensureSigningKey();
        assertEquals(keys, identity.store().loadSigningKeys().size());
        assertNull(identity.store().loadSigningKeys().get(0).retiredAt());
    }

    @Test
    void aDeletedClientGetsNoToken() {
        identity.clients().deleteClient(new ClientQuery(Caller.system(null), reporting.client().id()));
        assertThrows(InvalidClientException.class, () -> token(reporting));
    }

    private IssuedTokens issue(ClientCredentials credentials) {
        return identity.tokens().issueToken(new IssueTokenCommand(credentials, null, null));
    }

    private IssuedTokens refresh(ClientWithSecret client, String refreshToken) {
        return identity.tokens().refreshToken(new RefreshTokenCommand(credentials(client), refreshToken));
    }

    private void revoke(ClientWithSecret client, String token) {
        identity.tokens().revokeToken(new RevokeTokenCommand(credentials(client), token));
    }
}
