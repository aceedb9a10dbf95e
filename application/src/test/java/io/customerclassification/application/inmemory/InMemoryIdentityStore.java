package io.customerclassification.application.inmemory;

import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.identity.CountFailedAuthenticationsPort;
import io.customerclassification.application.port.out.identity.DeleteApiKeyPort;
import io.customerclassification.application.port.out.identity.DeleteClientPort;
import io.customerclassification.application.port.out.identity.IdentityChangePort;
import io.customerclassification.application.port.out.identity.LoadApiKeyPort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.LoadSigningKeysPort;
import io.customerclassification.application.port.out.identity.LoadTokenFamilyPort;
import io.customerclassification.application.port.out.identity.RevokeAccessTokenPort;
import io.customerclassification.application.port.out.identity.SaveApiKeyPort;
import io.customerclassification.application.port.out.identity.SaveClientPort;
import io.customerclassification.application.port.out.identity.SaveSigningKeyPort;
import io.customerclassification.application.port.out.identity.SaveTokenFamilyPort;
import io.customerclassification.application.port.out.identity.SigningKey;
import io.customerclassification.application.port.out.identity.StoredApiKey;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.application.port.out.identity.StoredRefreshToken;
import io.customerclassification.application.port.out.identity.TokenFamily;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientAlreadyExistsException;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.FailedAuthentications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every identity out-port over plain maps, the reference the SQL adapter is compared against. Like the database it
 * keeps its own second line of defence (client ids unique, keys and families only for existing clients, a
 * deleted client's keys and families gone with it), and a transaction that throws leaves no trace.
 */
public final class InMemoryIdentityStore
        implements TransactionPort,
                LoadClientPort,
                SaveClientPort,
                DeleteClientPort,
                LoadApiKeyPort,
                SaveApiKeyPort,
                DeleteApiKeyPort,
                LoadTokenFamilyPort,
                SaveTokenFamilyPort,
                RevokeAccessTokenPort,
                CountFailedAuthenticationsPort,
                LoadSigningKeysPort,
                SaveSigningKeyPort,
                IdentityChangePort {

    private final ReentrantLock lock = new ReentrantLock();
    private State state = new State();

    /** Everything a transaction may have to put back. */
    private static final class State {
        TreeMap<ClientId, StoredClient> clients = new TreeMap<>();
        LinkedHashMap<String, StoredApiKey> apiKeys = new LinkedHashMap<>();
        HashMap<String, TokenFamily> families = new HashMap<>();
        HashMap<String, StoredRefreshToken> refreshTokens = new HashMap<>();
        HashMap<String, Instant> revokedAccessTokens = new HashMap<>();
        HashMap<ClientId, FailedAuthentications> failures = new HashMap<>();
        LinkedHashMap<String, SigningKey> signingKeys = new LinkedHashMap<>();
        long version;

        State copy() {
            State copy = new State();
            copy.clients = new TreeMap<>(clients);
            copy.apiKeys = new LinkedHashMap<>(apiKeys);
            copy.families = new HashMap<>(families);
            copy.refreshTokens = new HashMap<>(refreshTokens);
            copy.revokedAccessTokens = new HashMap<>(revokedAccessTokens);
            copy.failures = new HashMap<>(failures);
            copy.signingKeys = new LinkedHashMap<>(signingKeys);
            copy.version = version;
            return copy;
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            State before = state.copy();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                state = before;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** How many refresh tokens the store holds, for tests of clean-up. */
    public int refreshTokenCount() {
        return locked(() -> state.refreshTokens.size());
    }

    /** How many token families the store holds, for tests of clean-up. */
    public int tokenFamilyCount() {
        return locked(() -> state.families.size());
    }

    /** How many single access-token revocations the store holds, for tests of clean-up. */
    public int revokedAccessTokenCount() {
        return locked(() -> state.revokedAccessTokens.size());
    }

    // ---- clients

    @Override
    public Optional<StoredClient> loadClient(ClientId id) {
        return locked(() -> Optional.ofNullable(state.clients.get(id)));
    }

    @Override
    public List<Client> loadAllClients() {
        return locked(() -> state.clients.values().stream().map(StoredClient::client).toList());
    }

    @Override
    public boolean anyClientExists() {
        return locked(() -> !state.clients.isEmpty());
    }

    @Override
    public void insertClient(StoredClient client) {
        locked(() -> {
            if (state.clients.containsKey(client.client().id())) {
                throw new ClientAlreadyExistsException(client.client().id());
            }
            state.clients.put(client.client().id(), client);
        });
    }

    @Override
    public void updateClient(Client client) {
        locked(() -> {
            StoredClient stored = existing(client.id());
            state.clients.put(client.id(), new StoredClient(client, stored.secretHash()));
        });
    }

    @Override
    public void updateClientSecret(ClientId id, String secretHash) {
        locked(() -> {
            StoredClient stored = existing(id);
            state.clients.put(id, new StoredClient(stored.client(), secretHash));
        });
    }

    @Override
    public boolean deleteClient(ClientId id) {
        return locked(() -> {
            if (state.clients.remove(id) == null) {
                return false;
            }
            state.apiKeys.values().removeIf(key -> key.clientId().equals(id));
            List<String> families = state.families.values().stream()
                    .filter(family -> family.clientId().equals(id)).map(TokenFamily::familyId).toList();
            families.forEach(state.families::remove);
            state.refreshTokens.values().removeIf(token -> families.contains(token.familyId()));
            return true;
        });
    }

    private StoredClient existing(ClientId id) {
        StoredClient stored = state.clients.get(id);
        if (stored == null) {
            throw new IllegalStateException("no client " + id);
        }
        return stored;
    }

    // ---- API keys

    @Override
    public Optional<StoredApiKey> loadApiKey(String keyId) {
        return locked(() -> Optional.ofNullable(state.apiKeys.get(keyId)));
    }

    @Override
    public List<StoredApiKey> loadApiKeys(ClientId clientId) {
        return locked(() -> state.apiKeys.values().stream()
                .filter(key -> key.clientId().equals(clientId))
                .sorted(Comparator.comparing(StoredApiKey::createdAt))
                .toList());
    }

    @Override
    public void insertApiKey(StoredApiKey key) {
        locked(() -> {
            existing(key.clientId());
            if (state.apiKeys.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalStateException("duplicate key id " + key.keyId());
            }
        });
    }

    @Override
    public boolean deleteApiKey(ClientId clientId, String keyId) {
        return locked(() -> {
            StoredApiKey key = state.apiKeys.get(keyId);
            if (key == null || !key.clientId().equals(clientId)) {
                return false;
            }
            state.apiKeys.remove(keyId);
            return true;
        });
    }

    // ---- token families

    @Override
    public Optional<TokenFamily> loadTokenFamily(String familyId) {
        return locked(() -> Optional.ofNullable(state.families.get(familyId)));
    }

    @Override
    public Optional<StoredRefreshToken> loadRefreshToken(String fingerprint) {
        return locked(() -> Optional.ofNullable(state.refreshTokens.get(fingerprint)));
    }

    @Override
    public void insertTokenFamily(TokenFamily family) {
        locked(() -> {
            existing(family.clientId());
            state.families.put(family.familyId(), family);
        });
    }

    @Override
    public void insertRefreshToken(StoredRefreshToken token) {
        locked(() -> {
            if (!state.families.containsKey(token.familyId())) {
                throw new IllegalStateException("no token family " + token.familyId());
            }
            state.refreshTokens.put(token.fingerprint(), token);
        });
    }

    @Override
    public void markRefreshTokenUsed(String fingerprint, Instant at) {
        locked(() -> {
            StoredRefreshToken token = state.refreshTokens.get(fingerprint);
            state.refreshTokens.put(fingerprint,
                    new StoredRefreshToken(token.fingerprint(), token.familyId(), token.issuedAt(), at));
        });
    }

    @Override
    public void revokeTokenFamily(String familyId, Instant at) {
        locked(() -> {
            TokenFamily family = state.families.get(familyId);
            if (family != null && !family.isRevoked()) {
                state.families.put(familyId, revoked(family, at));
            }
        });
    }

    @Override
    public void revokeTokenFamilies(ClientId clientId, Instant at) {
        locked(() -> state.families.replaceAll((id, family) ->
                family.clientId().equals(clientId) && !family.isRevoked() ? revoked(family, at) : family));
    }

    private static TokenFamily revoked(TokenFamily family, Instant at) {
        return new TokenFamily(family.familyId(), family.clientId(), family.user(), family.companyLimit(),
                family.createdAt(), family.expiresAt(), at);
    }

    @Override
    public void deleteTokenFamiliesExpiredBefore(Instant before) {
        locked(() -> {
            List<String> expired = state.families.values().stream()
                    .filter(family -> family.expiresAt().isBefore(before)).map(TokenFamily::familyId).toList();
            expired.forEach(state.families::remove);
            state.refreshTokens.values().removeIf(token -> expired.contains(token.familyId()));
        });
    }

    // ---- single access-token revocations

    @Override
    public void revokeAccessToken(String tokenId, Instant expiresAt) {
        locked(() -> {
            state.revokedAccessTokens.put(tokenId, expiresAt);
        });
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        return locked(() -> state.revokedAccessTokens.containsKey(tokenId));
    }

    @Override
    public void forgetAccessTokenRevocationsExpiredBefore(Instant before) {
        locked(() -> {
            state.revokedAccessTokens.values().removeIf(expiresAt -> expiresAt.isBefore(before));
        });
    }

    // ---- failed authentications

    @Override
    public Optional<FailedAuthentications> loadFailedAuthentications(ClientId clientId) {
        return locked(() -> Optional.ofNullable(state.failures.get(clientId)));
    }

    @Override
    public void saveFailedAuthentications(FailedAuthentications failures) {
        locked(() -> {
            state.failures.put(failures.clientId(), failures);
        });
    }

    @Override
    public void forgetFailedAuthenticationsStartedBefore(Instant before) {
        locked(() -> {
            state.failures.values().removeIf(counter -> counter.windowStart().isBefore(before));
        });
    }

    // ---- signing keys

    @Override
    public List<SigningKey> loadSigningKeys() {
        return locked(() -> {
            List<SigningKey> keys = new ArrayList<>(state.signingKeys.values());
            keys.sort(Comparator.comparing(SigningKey::createdAt).reversed());
            return List.copyOf(keys);
        });
    }

    @Override
    public void insertSigningKey(SigningKey key) {
        locked(() -> {
            state.signingKeys.put(key.keyId(), key);
        });
    }

    @Override
    public void retireSigningKeysExcept(String keepKeyId, Instant at) {
        locked(() -> state.signingKeys.replaceAll((id, key) -> id.equals(keepKeyId) || key.isRetired() ? key
                : new SigningKey(key.keyId(), key.algorithm(), key.material(), key.createdAt(), at)));
    }

    @Override
    public void deleteSigningKeysRetiredBefore(Instant before) {
        locked(() -> {
            state.signingKeys.values().removeIf(key -> key.isRetired() && key.retiredAt().isBefore(before));
        });
    }

    // ---- identity changes

    @Override
    public long currentIdentityVersion() {
        return locked(() -> state.version);
    }

    @Override
    public void recordIdentityChange() {
        locked(() -> {
            state.version++;
        });
    }

}
