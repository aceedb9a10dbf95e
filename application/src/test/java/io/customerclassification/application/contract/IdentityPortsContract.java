package io.customerclassification.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.out.identity.SigningKey;
import io.customerclassification.application.port.out.identity.StoredApiKey;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.application.port.out.identity.StoredRefreshToken;
import io.customerclassification.application.port.out.identity.TokenFamily;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientAlreadyExistsException;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.FailedAuthentications;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identity out-ports: each implementation (in-memory, SQL) supplies them and must pass the same tests. */
public abstract class IdentityPortsContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final ClientId A = ClientId.of("a");
    private static final ClientId B = ClientId.of("b");
    private static final List<Grant> GRANTS = List.of(
            Grant.on(CompanyId.of(3), Resource.CUSTOMER_TYPE, EnumSet.of(Permission.VIEW, Permission.LIST)),
            Grant.onEveryCompany(Resource.CUSTOMER_PROFILE, EnumSet.allOf(Permission.class)),
            Grant.on(CompanyId.of(0), Resource.CUSTOMER_PROFILE, Set.of()));

    protected IdentityPortSet ports;

    /** A fresh, empty implementation. */
    protected abstract IdentityPortSet createPorts();

    /** Releases what {@link #createPorts()} opened. */
    protected void closePorts() {}

    @BeforeEach
    void openPorts() {
        ports = createPorts();
    }

    @AfterEach
    void releasePorts() {
        closePorts();
    }

    private StoredClient client(ClientId id, boolean admin, List<Grant> grants) {
        StoredClient client = new StoredClient(new Client(id, admin, grants), "hash-of-" + id);
        ports.transaction().inTransaction(() -> ports.saveClients().insertClient(client));
        return client;
    }

    private TokenFamily family(String id, ClientId client, Instant expiresAt) {
        TokenFamily family = new TokenFamily(id, client, "alice", CompanyId.of(7), T0, expiresAt, null);
        ports.transaction().inTransaction(() -> ports.saveFamilies().insertTokenFamily(family));
        return family;
    }

    private StoredRefreshToken refresh(String fingerprint, String familyId) {
        StoredRefreshToken token = new StoredRefreshToken(fingerprint, familyId, T0, null);
        ports.transaction().inTransaction(() -> ports.saveFamilies().insertRefreshToken(token));
        return token;
    }

    // ---- clients

    @Test
    void aClientIsStoredWithItsGrantsInOrderAndItsHash() {
        StoredClient stored = client(A, true, GRANTS);
        assertEquals(stored, ports.loadClients().loadClient(A).orElseThrow());
        assertTrue(ports.loadClients().loadClient(B).isEmpty());
        assertTrue(ports.loadClients().anyClientExists());
    }

    @Test
    void anEmptyStoreHasNoClient() {
        assertFalse(ports.loadClients().anyClientExists());
        assertEquals(List.of(), ports.loadClients().loadAllClients());
    }

    @Test
    void clientsAreListedById() {
        client(B, false, List.of());
        client(A, true, GRANTS);
        assertEquals(List.of(new Client(A, true, GRANTS), new Client(B, false, List.of())),
                ports.loadClients().loadAllClients());
    }

    @Test
    void aTakenClientIdIsRefused() {
        client(A, false, List.of());
        assertThrows(ClientAlreadyExistsException.class, () -> client(A, true, GRANTS));
        assertEquals(new Client(A, false, List.of()), ports.loadClients().loadClient(A).orElseThrow().client());
    }

    @Test
    void anUpdateReplacesTheAdminFlagAndTheGrantsAndKeepsTheHash() {
        client(A, false, GRANTS);
        Client updated = new Client(A, true, List.of(GRANTS.get(1)));
        ports.transaction().inTransaction(() -> ports.saveClients().updateClient(updated));
        assertEquals(new StoredClient(updated, "hash-of-a"), ports.loadClients().loadClient(A).orElseThrow());
        ports.transaction().inTransaction(() -> ports.saveClients().updateClientSecret(A, "new-hash"));
        assertEquals(new StoredClient(updated, "new-hash"), ports.loadClients().loadClient(A).orElseThrow());
    }

    @Test
    void aDeletedClientTakesItsKeysFamiliesAndRefreshTokensWithIt() {
        client(A, false, GRANTS);
        client(B, false, List.of());
        ports.transaction().inTransaction(() -> {
            ports.saveApiKeys().insertApiKey(new StoredApiKey("ka", A, "h", T0));
            ports.saveApiKeys().insertApiKey(new StoredApiKey("kb", B, "h", T0));
        });
        family("fa", A, T0.plusSeconds(60));
        family("fb", B, T0.plusSeconds(60));
        refresh("ra", "fa");
        refresh("rb", "fb");
        assertTrue(ports.transaction().inTransaction(() -> ports.deleteClients().deleteClient(A)));
        assertTrue(ports.loadClients().loadClient(A).isEmpty());
        assertTrue(ports.loadApiKeys().loadApiKey("ka").isEmpty());
        assertTrue(ports.loadFamilies().loadTokenFamily("fa").isEmpty());
        assertTrue(ports.loadFamilies().loadRefreshToken("ra").isEmpty());
        assertTrue(ports.loadApiKeys().loadApiKey("kb").isPresent());
        assertTrue(ports.loadFamilies().loadRefreshToken("rb").isPresent());
        assertFalse(ports.transaction().inTransaction(() -> ports.deleteClients().deleteClient(A)));
    }

    @Test
    void workThatThrowsLeavesNoClientAndNoChange() {
        long before = ports.changes().currentIdentityVersion();
        assertThrows(IllegalStateException.class, () -> ports.transaction().inTransaction(() -> {
            ports.saveClients().insertClient(new StoredClient(new Client(A, true, GRANTS), "h"));
            ports.changes().recordIdentityChange();
            throw new IllegalStateException("abort");
        }));
        assertTrue(ports.loadClients().loadClient(A).isEmpty());
        assertEquals(before, ports.changes().currentIdentityVersion());
    }

    @Test
    void eachRecordedChangeMovesTheVersionForward() {
        long before = ports.changes().currentIdentityVersion();
        ports.transaction().inTransaction(() -> ports.changes().recordIdentityChange());
        ports.transaction().inTransaction(() -> ports.changes().recordIdentityChange());
        assertEquals(before + 2, ports.changes().currentIdentityVersion());
    }

    // ---- API keys

    @Test
    void apiKeysAreFoundByIdListedOldestFirstAndDeletedOnlyThroughTheirClient() {
        client(A, false, List.of());
        client(B, false, List.of());
        StoredApiKey later = new StoredApiKey("k2", A, "h2", T0.plusSeconds(5));
        StoredApiKey earlier = new StoredApiKey("k1", A, "h1", T0);
        ports.transaction().inTransaction(() -> {
            ports.saveApiKeys().insertApiKey(later);
            ports.saveApiKeys().insertApiKey(earlier);
        });
        assertEquals(later, ports.loadApiKeys().loadApiKey("k2").orElseThrow());
        assertEquals(List.of(earlier, later), ports.loadApiKeys().loadApiKeys(A));
        assertEquals(List.of(), ports.loadApiKeys().loadApiKeys(B));
        assertFalse(ports.transaction().inTransaction(() -> ports.deleteApiKeys().deleteApiKey(B, "k1")));
        assertTrue(ports.transaction().inTransaction(() -> ports.deleteApiKeys().deleteApiKey(A, "k1")));
        assertEquals(List.of(later), ports.loadApiKeys().loadApiKeys(A));
    }

    // ---- token families and refresh tokens

    @Test
    void aFamilyAndItsRefreshTokensAreStoredMarkedAndRevoked() {
        client(A, false, List.of());
        TokenFamily family = family("f", A, T0.plusSeconds(3600));
        assertEquals(family, ports.loadFamilies().loadTokenFamily("f").orElseThrow());
        TokenFamily plain = new TokenFamily("g", A, null, null, T0, T0.plusSeconds(60), null);
        ports.transaction().inTransaction(() -> ports.saveFamilies().insertTokenFamily(plain));
        assertEquals(plain, ports.loadFamilies().loadTokenFamily("g").orElseThrow());

        StoredRefreshToken token = refresh("r1", "f");
        assertEquals(token, ports.loadFamilies().loadRefreshToken("r1").orElseThrow());
        Instant used = T0.plusSeconds(10);
        ports.transaction().inTransaction(() -> ports.saveFamilies().markRefreshTokenUsed("r1", used));
        assertEquals(used, ports.loadFamilies().loadRefreshToken("r1").orElseThrow().usedAt());

        Instant revoked = T0.plusSeconds(20);
        ports.transaction().inTransaction(() -> ports.saveFamilies().revokeTokenFamily("f", revoked));
        assertEquals(revoked, ports.loadFamilies().loadTokenFamily("f").orElseThrow().revokedAt());
        ports.transaction().inTransaction(() -> ports.saveFamilies().revokeTokenFamily("f", revoked.plusSeconds(1)));
        assertEquals(revoked, ports.loadFamilies().loadTokenFamily("f").orElseThrow().revokedAt(),
                "a revoked family stays revoked as it was");
        assertTrue(ports.loadFamilies().loadTokenFamily("g").orElseThrow().revokedAt() == null);
    }

    @Test
    void revokingAClientsFamiliesLeavesOtherClientsAlone() {
        client(A, false, List.of());
        client(B, false, List.of());
        family("fa1", A, T0.plusSeconds(60));
        family("fa2", A, T0.plusSeconds(60));
        family("fb", B, T0.plusSeconds(60));
        Instant at = T0.plusSeconds(1);
        ports.transaction().inTransaction(() -> ports.saveFamilies().revokeTokenFamilies(A, at));
        assertEquals(at, ports.loadFamilies().loadTokenFamily("fa1").orElseThrow().revokedAt());
        assertEquals(at, ports.loadFamilies().loadTokenFamily("fa2").orElseThrow().revokedAt());
        assertFalse(ports.loadFamilies().loadTokenFamily("fb").orElseThrow().isRevoked());
    }

    @Test
    void expiredFamiliesAreDeletedWithTheirRefreshTokens() {
        client(A, false, List.of());
        family("old", A, T0.plusSeconds(10));
        family("new", A, T0.plusSeconds(30));
        refresh("r-old", "old");
        refresh("r-new", "new");
        ports.transaction().inTransaction(() -> ports.saveFamilies().deleteTokenFamiliesExpiredBefore(T0.plusSeconds(20)));
        assertTrue(ports.loadFamilies().loadTokenFamily("old").isEmpty());
        assertTrue(ports.loadFamilies().loadRefreshToken("r-old").isEmpty());
        assertTrue(ports.loadFamilies().loadTokenFamily("new").isPresent());
        assertTrue(ports.loadFamilies().loadRefreshToken("r-new").isPresent());
    }

    // ---- single revocations

    @Test
    void revokedAccessTokensAreKeptUntilTheyExpire() {
        ports.transaction().inTransaction(() -> {
            ports.revokedAccessTokens().revokeAccessToken("j1", T0.plusSeconds(10));
            ports.revokedAccessTokens().revokeAccessToken("j2", T0.plusSeconds(30));
        });
        assertTrue(ports.revokedAccessTokens().isAccessTokenRevoked("j1"));
        assertFalse(ports.revokedAccessTokens().isAccessTokenRevoked("j3"));
        ports.transaction().inTransaction(() ->
                ports.revokedAccessTokens().forgetAccessTokenRevocationsExpiredBefore(T0.plusSeconds(20)));
        assertFalse(ports.revokedAccessTokens().isAccessTokenRevoked("j1"));
        assertTrue(ports.revokedAccessTokens().isAccessTokenRevoked("j2"));
    }

    // ---- failed authentications

    @Test
    void failedAuthenticationsAreCountedPerClientIdKnownOrNot() {
        ClientId unknown = ClientId.of("nobody");
        FailedAuthentications first = FailedAuthentications.firstAt(unknown, T0);
        ports.transaction().inTransaction(() -> ports.failedAuthentications().saveFailedAuthentications(first));
        assertEquals(first, ports.failedAuthentications().loadFailedAuthentications(unknown).orElseThrow());
        FailedAuthentications second = first.afterFailureAt(T0.plusMillis(500));
        ports.transaction().inTransaction(() -> ports.failedAuthentications().saveFailedAuthentications(second));
        assertEquals(second, ports.failedAuthentications().loadFailedAuthentications(unknown).orElseThrow());
        FailedAuthentications other = FailedAuthentications.firstAt(A, T0.plus(Duration.ofMinutes(2)));
        ports.transaction().inTransaction(() -> {
            ports.failedAuthentications().saveFailedAuthentications(other);
            ports.failedAuthentications().forgetFailedAuthenticationsStartedBefore(T0.plusSeconds(1));
        });
        assertTrue(ports.failedAuthentications().loadFailedAuthentications(unknown).isEmpty());
        assertEquals(other, ports.failedAuthentications().loadFailedAuthentications(A).orElseThrow());
    }

    // ---- signing keys

    @Test
    void signingKeysAreListedNewestFirstRetiredAndDeleted() {
        SigningKey first = new SigningKey("k1", "ES256", "{\"d\":\"1\"}", T0, null);
        SigningKey second = new SigningKey("k2", "ES256", "{\"d\":\"2\"}", T0.plusSeconds(60), null);
        ports.transaction().inTransaction(() -> {
            ports.saveSigningKeys().insertSigningKey(first);
            ports.saveSigningKeys().insertSigningKey(second);
        });
        assertEquals(List.of(second, first), ports.loadSigningKeys().loadSigningKeys());
        Instant retired = T0.plusSeconds(61);
        ports.transaction().inTransaction(() -> ports.saveSigningKeys().retireSigningKeysExcept("k2", retired));
        assertEquals(List.of(second, new SigningKey("k1", "ES256", "{\"d\":\"1\"}", T0, retired)),
                ports.loadSigningKeys().loadSigningKeys());
        ports.transaction().inTransaction(() -> ports.saveSigningKeys().retireSigningKeysExcept("k2", retired.plusSeconds(9)));
        assertEquals(retired, ports.loadSigningKeys().loadSigningKeys().get(1).retiredAt(), "retired once");
        ports.transaction().inTransaction(() -> ports.saveSigningKeys().deleteSigningKeysRetiredBefore(retired));
        assertEquals(2, ports.loadSigningKeys().loadSigningKeys().size(), "retired at, not before");
        ports.transaction().inTransaction(() -> ports.saveSigningKeys().deleteSigningKeysRetiredBefore(retired.plusMillis(1)));
        assertEquals(List.of(second), ports.loadSigningKeys().loadSigningKeys());
    }
}
