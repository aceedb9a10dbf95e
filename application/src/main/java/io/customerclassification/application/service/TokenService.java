package io.customerclassification.application.service;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.EnsureSigningKeyUseCase;
import io.customerclassification.application.port.in.identity.GetPublicKeySetUseCase;
import io.customerclassification.application.port.in.identity.IssueTokenCommand;
import io.customerclassification.application.port.in.identity.IssueTokenUseCase;
import io.customerclassification.application.port.in.identity.IssuedTokens;
import io.customerclassification.application.port.in.identity.RefreshTokenCommand;
import io.customerclassification.application.port.in.identity.RefreshTokenUseCase;
import io.customerclassification.application.port.in.identity.RevokeTokenCommand;
import io.customerclassification.application.port.in.identity.RevokeTokenUseCase;
import io.customerclassification.application.port.in.identity.RotateSigningKeyUseCase;
import io.customerclassification.application.port.in.identity.UnsupportedTokenTypeException;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.identity.AccessTokenClaims;
import io.customerclassification.application.port.out.identity.AccessTokenCodecPort;
import io.customerclassification.application.port.out.identity.CountFailedAuthenticationsPort;
import io.customerclassification.application.port.out.identity.GenerateSecretPort;
import io.customerclassification.application.port.out.identity.HashSecretPort;
import io.customerclassification.application.port.out.identity.IdentityChangePort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.LoadSigningKeysPort;
import io.customerclassification.application.port.out.identity.LoadTokenFamilyPort;
import io.customerclassification.application.port.out.identity.RevokeAccessTokenPort;
import io.customerclassification.application.port.out.identity.SaveSigningKeyPort;
import io.customerclassification.application.port.out.identity.SaveTokenFamilyPort;
import io.customerclassification.application.port.out.identity.SigningKey;
import io.customerclassification.application.port.out.identity.StoredRefreshToken;
import io.customerclassification.application.port.out.identity.TokenFamily;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.InvalidClientException;
import io.customerclassification.domain.identity.InvalidGrantException;
import io.customerclassification.domain.identity.InvalidTokenException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The OAuth 2.0 token service of CONTRACT §4: the {@code client_credentials} and {@code refresh_token} grants,
 * revocation (RFC 7009), and the keys that sign access tokens.
 *
 * <p>Each grant costs one slow hash (the client's secret); refresh tokens are 256-bit random values kept as
 * SHA-256 fingerprints, found by them, and rotated on every use: a refresh token presented twice revokes its
 * whole family (RFC 9700 §4.14.2). A revocation or key rotation is answered only once it has settled
 * ({@link IdentityVersion#settle()}), so that from its answer on every instance holds to it.
 */
public final class TokenService
        implements IssueTokenUseCase,
                RefreshTokenUseCase,
                RevokeTokenUseCase,
                GetPublicKeySetUseCase,
                RotateSigningKeyUseCase,
                EnsureSigningKeyUseCase {

    /** The out-ports this service needs. */
    public record Ports(
            LoadClientPort clients,
            CountFailedAuthenticationsPort failedAuthentications,
            LoadTokenFamilyPort loadFamilies,
            SaveTokenFamilyPort saveFamilies,
            RevokeAccessTokenPort revokedAccessTokens,
            LoadSigningKeysPort loadSigningKeys,
            SaveSigningKeyPort saveSigningKeys,
            IdentityChangePort changes,
            TransactionPort transaction,
            HashSecretPort hasher,
            GenerateSecretPort generator,
            AccessTokenCodecPort codec) {

        /** The ports from the stores that implement them together, and the crypto parts. */
        public static <T extends LoadTokenFamilyPort & SaveTokenFamilyPort & RevokeAccessTokenPort,
                        K extends LoadSigningKeysPort & SaveSigningKeyPort>
                Ports of(LoadClientPort clients, CountFailedAuthenticationsPort failedAuthentications, T tokens,
                        K signingKeys, IdentityChangePort changes, TransactionPort transaction, HashSecretPort hasher,
                        GenerateSecretPort generator, AccessTokenCodecPort codec) {
            return new Ports(clients, failedAuthentications, tokens, tokens, tokens, signingKeys, signingKeys, changes,
                    transaction, hasher, generator, codec);
        }
    }

    private final Ports ports;
    private final TokenLifetimes lifetimes;
    private final Clock clock;
    private final ClientAuthenticator authenticator;
    private final SigningKeys signingKeys;
    private final Authorization authorization = new Authorization();

    public TokenService(Ports ports, TokenLifetimes lifetimes, Clock clock) {
        this.ports = ports;
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authenticator = new ClientAuthenticator(
                ports.clients(), ports.failedAuthentications(), ports.hasher(), ports.transaction(), clock);
        this.signingKeys = new SigningKeys(ports.loadSigningKeys(), lifetimes.access());
    }

    @Override
    public IssuedTokens issueToken(IssueTokenCommand command) {
        ClientId clientId = authenticator.authenticate(command.credentials()).client().id();
        Instant now = clock.instant();
        TokenFamily family = new TokenFamily(ports.generator().newIdentifier(), clientId, command.user(),
                command.companyLimit(), now, now.plus(lifetimes.refresh()), null);
        String refreshToken = newRefreshToken();
        ports.transaction().inTransaction(() -> {
            if (ports.clients().loadClient(clientId).isEmpty()) {
                throw new InvalidClientException(); // deleted since it authenticated
            }
            ports.saveFamilies().insertTokenFamily(family);
            ports.saveFamilies().insertRefreshToken(
                    new StoredRefreshToken(ports.hasher().fingerprint(refreshToken), family.familyId(), now, null));
            ports.saveFamilies().deleteTokenFamiliesExpiredBefore(now.minus(lifetimes.access()));
        });
        return new IssuedTokens(accessToken(family, now), lifetimes.access(), refreshToken);
    }

    /** What redeeming a refresh token came to, decided and written in one transaction. */
    private record Redemption(TokenFamily family, InvalidGrantException.Reason refusal) {}

    @Override
    public IssuedTokens refreshToken(RefreshTokenCommand command) {
        ClientId clientId = authenticator.authenticate(command.credentials()).client().id();
        Instant now = clock.instant();
        String presented = ports.hasher().fingerprint(command.refreshToken());
        String next = newRefreshToken();
        Redemption redemption = ports.transaction().inTransaction(() -> {
            StoredRefreshToken token = ports.loadFamilies().loadRefreshToken(presented).orElse(null);
            TokenFamily family = token == null ? null
                    : ports.loadFamilies().loadTokenFamily(token.familyId()).orElse(null);
            if (family == null) {
                return new Redemption(null, InvalidGrantException.Reason.UNKNOWN);
            }
            if (!family.clientId().equals(clientId)) {
                return new Redemption(null, InvalidGrantException.Reason.OTHER_CLIENT);
            }
            if (family.isRevoked()) {
                return new Redemption(null, InvalidGrantException.Reason.REVOKED);
            }
            if (token.isUsed()) {
                // kept by returning, not throwing: the revocation must be committed
                ports.saveFamilies().revokeTokenFamily(family.familyId(), now);
                ports.changes().recordIdentityChange();
                return new Redemption(null, InvalidGrantException.Reason.REUSED);
            }
            if (!now.isBefore(family.expiresAt())) {
                return new Redemption(null, InvalidGrantException.Reason.EXPIRED);
            }
            ports.saveFamilies().markRefreshTokenUsed(presented, now);
            ports.saveFamilies().insertRefreshToken(
                    new StoredRefreshToken(ports.hasher().fingerprint(next), family.familyId(), now, null));
            return new Redemption(family, null);
        });
        if (redemption.refusal() == InvalidGrantException.Reason.REUSED) {
            IdentityVersion.settle(); // the family's revocation is committed: every instance refuses it from now on
        }
        if (redemption.refusal() != null) {
            throw new InvalidGrantException(redemption.refusal());
        }
        return new IssuedTokens(accessToken(redemption.family(), now), lifetimes.access(), next);
    }

    @Override
    public void revokeToken(RevokeTokenCommand command) {
        ClientId clientId = authenticator.authenticate(command.credentials()).client().id();
        String token = command.token();
        if (Credentials.isApiKey(token)) {
            throw new UnsupportedTokenTypeException();
        }
        Instant now = clock.instant();
        if (Credentials.isRefreshToken(token)) {
            revokeRefreshToken(clientId, ports.hasher().fingerprint(token), now);
        } else {
            revokeAccessToken(clientId, token, now);
        }
    }

    private void revokeRefreshToken(ClientId clientId, String fingerprint, Instant now) {
        boolean revoked = ports.transaction().inTransaction(() -> {
            TokenFamily family = ports.loadFamilies().loadRefreshToken(fingerprint)
                    .flatMap(token -> ports.loadFamilies().loadTokenFamily(token.familyId()))
                    .orElse(null);
            if (family == null) {
                return false;
            }
            if (!family.clientId().equals(clientId)) {
                throw new InvalidGrantException(InvalidGrantException.Reason.OTHER_CLIENT);
            }
            if (family.isRevoked()) {
                return false;
            }
            ports.saveFamilies().revokeTokenFamily(family.familyId(), now);
            ports.changes().recordIdentityChange();
            return true;
        });
        if (revoked) {
            IdentityVersion.settle();
        }
    }

    private void revokeAccessToken(ClientId clientId, String token, Instant now) {
        AccessTokenClaims claims;
        try {
            claims = ports.codec().decode(token,
                    signingKeys.verifying(ports.changes().currentIdentityVersion(), now), now);
        } catch (InvalidTokenException e) {
            return; // nothing to revoke: not a live token of this server (RFC 7009 §2.2)
        }
        if (!claims.clientId().equals(clientId)) {
            throw new InvalidGrantException(InvalidGrantException.Reason.OTHER_CLIENT);
        }
        ports.transaction().inTransaction(() -> {
            ports.revokedAccessTokens().revokeAccessToken(claims.tokenId(), claims.expiresAt());
            ports.revokedAccessTokens().forgetAccessTokenRevocationsExpiredBefore(now);
            ports.changes().recordIdentityChange();
        });
        IdentityVersion.settle();
    }

    @Override
    public String publicKeySet() {
        Instant now = clock.instant();
        return ports.codec().publicKeySet(signingKeys.verifying(ports.changes().currentIdentityVersion(), now));
    }

    @Override
    public String rotateSigningKey(Caller caller) {
        authorization.requireAdmin(caller);
        Instant now = clock.instant();
        SigningKey key = ports.codec().generateSigningKey(ports.generator().newIdentifier(), now);
        ports.transaction().inTransaction(() -> {
            ports.saveSigningKeys().insertSigningKey(key);
            ports.saveSigningKeys().retireSigningKeysExcept(key.keyId(), now);
            ports.saveSigningKeys().deleteSigningKeysRetiredBefore(now.minus(lifetimes.access()));
            ports.changes().recordIdentityChange();
        });
        IdentityVersion.settle();
        return key.keyId();
    }

    @Override
    public void ensureSigningKey() {
        if (signingKeys.anySigning(ports.changes().currentIdentityVersion())) {
            return;
        }
        Instant now = clock.instant();
        SigningKey key = ports.codec().generateSigningKey(ports.generator().newIdentifier(), now);
        boolean inserted = ports.transaction().inTransaction(() -> {
            if (ports.loadSigningKeys().loadSigningKeys().stream().anyMatch(stored -> !stored.isRetired())) {
                return false; // another instance was first
            }
            ports.saveSigningKeys().insertSigningKey(key);
            ports.changes().recordIdentityChange();
            return true;
        });
        if (inserted) {
            IdentityVersion.settle();
        }
    }

    private String accessToken(TokenFamily family, Instant now) {
        SigningKey key = signingKeys.signing(ports.changes().currentIdentityVersion());
        return ports.codec().encode(new AccessTokenClaims(ports.generator().newIdentifier(), family.clientId(),
                family.user(), family.companyLimit(), family.familyId(), now, now.plus(lifetimes.access())), key);
    }

    private String newRefreshToken() {
        return Credentials.REFRESH_TOKEN_PREFIX + ports.generator().newSecret();
    }
}
