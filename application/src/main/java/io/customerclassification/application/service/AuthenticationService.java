package io.customerclassification.application.service;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.AuthenticateBearerUseCase;
import io.customerclassification.application.port.out.identity.AccessTokenClaims;
import io.customerclassification.application.port.out.identity.AccessTokenCodecPort;
import io.customerclassification.application.port.out.identity.ExternalIdentity;
import io.customerclassification.application.port.out.identity.HashSecretPort;
import io.customerclassification.application.port.out.identity.IdentityChangePort;
import io.customerclassification.application.port.out.identity.LoadApiKeyPort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.LoadSigningKeysPort;
import io.customerclassification.application.port.out.identity.LoadTokenFamilyPort;
import io.customerclassification.application.port.out.identity.RevokeAccessTokenPort;
import io.customerclassification.application.port.out.identity.StoredApiKey;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.application.port.out.identity.TokenFamily;
import io.customerclassification.application.port.out.identity.VerifyExternalTokenPort;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates the bearer credential of every request: an access token of this server, an API key, or (when
 * configured) a token of an external OpenID Connect issuer.
 *
 * <p>Checking a signature or a slow hash on every request would cost more than the request itself, so a
 * credential, once verified, is remembered under its fingerprint until it expires. What can change under a
 * verified credential — its client's grants, its client, key or token family deleted or revoked, the token
 * itself revoked — is checked against the store again whenever the store's identity version has moved since.
 * That version is read at most once per {@link IdentityVersion#BOUND} on a busy instance, so while nothing changes
 * a request pays for no store read at all.
 */
public final class AuthenticationService implements AuthenticateBearerUseCase {

    /** How many verified credentials are remembered; past it, the expired ones are dropped, else all. */
    static final int MAX_REMEMBERED = 10_000;

    /**
     * The out-ports this service needs.
     *
     * @param external the trusted external issuer, or {@code null} when there is none
     */
    public record Ports(
            LoadClientPort clients,
            LoadApiKeyPort apiKeys,
            LoadTokenFamilyPort families,
            RevokeAccessTokenPort revokedAccessTokens,
            LoadSigningKeysPort signingKeys,
            IdentityChangePort changes,
            HashSecretPort hasher,
            AccessTokenCodecPort codec,
            VerifyExternalTokenPort external) {

        /** The ports from the store that implements the token ports together, and the crypto parts. */
        public static <T extends LoadTokenFamilyPort & RevokeAccessTokenPort>
                Ports of(LoadClientPort clients, LoadApiKeyPort apiKeys, T tokens, LoadSigningKeysPort signingKeys,
                        IdentityChangePort changes, HashSecretPort hasher, AccessTokenCodecPort codec,
                        VerifyExternalTokenPort external) {
            return new Ports(clients, apiKeys, tokens, tokens, signingKeys, changes, hasher, codec, external);
        }
    }

    /** A credential whose signature or hash checked out, with what it says. */
    private sealed interface Verified permits OwnToken, ApiKey, ExternalToken {
        Instant expiresAt();
    }

    private record OwnToken(AccessTokenClaims claims) implements Verified {
        @Override
        public Instant expiresAt() {
            return claims.expiresAt();
        }
    }

    private record ApiKey(StoredApiKey key) implements Verified {
        @Override
        public Instant expiresAt() {
            return Instant.MAX;
        }
    }

    private record ExternalToken(ExternalIdentity identity) implements Verified {
        @Override
        public Instant expiresAt() {
            return identity.expiresAt();
        }
    }

    /** A verified credential and the caller it made at an identity version. */
    private record Remembered(Verified verified, long version, Caller caller) {}

    private final Ports ports;
    private final Clock clock;
    private final SigningKeys signingKeys;
    private final IdentityVersion versions;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    public AuthenticationService(Ports ports, TokenLifetimes lifetimes, Clock clock) {
        this.ports = ports;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signingKeys = new SigningKeys(ports.signingKeys(), lifetimes.access());
        this.versions = new IdentityVersion(ports.changes());
    }

    @Override
    public Caller authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            throw new InvalidTokenException(Reason.MISSING);
        }
        if (credential.length() > Credentials.MAX_BEARER_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        Instant now = clock.instant();
        long version = versions.current();
        String fingerprint = ports.hasher().fingerprint(credential);
        Remembered known = remembered.get(fingerprint);
        Verified verified;
        if (known != null) {
            if (!now.isBefore(known.verified().expiresAt())) {
                remembered.remove(fingerprint, known);
                throw new InvalidTokenException(Reason.EXPIRED);
            }
            if (known.version() == version) {
                return known.caller();
            }
            verified = known.verified();
        } else {
            verified = verify(credential, version, now);
        }
        Caller caller;
        try {
            caller = admit(verified);
        } catch (InvalidTokenException e) {
            remembered.remove(fingerprint);
            throw e;
        }
        remember(fingerprint, new Remembered(verified, version, caller), now);
        return caller;
    }

    /** Checks the signature or the hash: the expensive part, done once per credential. */
    private Verified verify(String credential, long version, Instant now) {
        if (Credentials.isApiKey(credential)) {
            StoredApiKey key = ports.apiKeys().loadApiKey(Credentials.apiKeyId(credential))
                    .filter(stored -> ports.hasher().secretMatches(Credentials.apiKeySecret(credential),
                            stored.secretHash()))
                    .orElseThrow(() -> new InvalidTokenException(Reason.UNKNOWN_API_KEY));
            return new ApiKey(key);
        }
        if (credential.indexOf('.') < 0) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        try {
            return new OwnToken(ports.codec().decode(credential, signingKeys.verifying(version, now), now));
        } catch (InvalidTokenException e) {
            if (e.reason() != Reason.UNKNOWN_ISSUER || ports.external() == null) {
                throw e;
            }
            return new ExternalToken(ports.external().verifyExternalToken(credential, now));
        }
    }

    /** Checks the verified credential against the store as it is now, and makes its caller. */
    private Caller admit(Verified verified) {
        if (verified instanceof OwnToken own) {
            AccessTokenClaims claims = own.claims();
            StoredClient client = client(claims.clientId());
            Optional<TokenFamily> family = ports.families().loadTokenFamily(claims.familyId());
            if (family.isEmpty() || family.get().isRevoked() || !family.get().clientId().equals(claims.clientId())
                    || ports.revokedAccessTokens().isAccessTokenRevoked(claims.tokenId())) {
                throw new InvalidTokenException(Reason.REVOKED);
            }
            return Caller.client(client.client(), claims.user(), claims.companyLimit());
        }
        if (verified instanceof ApiKey apiKey) {
            StoredApiKey key = apiKey.key();
            boolean live = ports.apiKeys().loadApiKey(key.keyId())
                    .filter(stored -> stored.secretHash().equals(key.secretHash())
                            && stored.clientId().equals(key.clientId()))
                    .isPresent();
            if (!live) {
                throw new InvalidTokenException(Reason.UNKNOWN_API_KEY);
            }
            return Caller.client(client(key.clientId()).client(), null, null);
        }
        ExternalIdentity identity = ((ExternalToken) verified).identity();
        return Caller.external(identity.user(), identity.grants());
    }

    private StoredClient client(ClientId id) {
        return ports.clients().loadClient(id).orElseThrow(() -> new InvalidTokenException(Reason.UNKNOWN_CLIENT));
    }

    private void remember(String fingerprint, Remembered entry, Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(old -> !now.isBefore(old.verified().expiresAt()));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(fingerprint, entry);
    }
}
