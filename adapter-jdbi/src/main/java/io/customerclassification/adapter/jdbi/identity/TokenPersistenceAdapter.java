package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.identity.LoadTokenFamilyPort;
import io.customerclassification.application.port.out.identity.RevokeAccessTokenPort;
import io.customerclassification.application.port.out.identity.SaveTokenFamilyPort;
import io.customerclassification.application.port.out.identity.StoredRefreshToken;
import io.customerclassification.application.port.out.identity.TokenFamily;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Token families, their refresh tokens and single access-token revocations over SQL ({@link TokenDao}). */
public final class TokenPersistenceAdapter implements LoadTokenFamilyPort, SaveTokenFamilyPort, RevokeAccessTokenPort {

    private final Session session;

    public TokenPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public Optional<TokenFamily> loadTokenFamily(String familyId) {
        return session.read(jdbc -> jdbc.dao(TokenDao.class, dao -> dao.family(familyId)))
                .map(TokenPersistenceAdapter::family);
    }

    @Override
    public Optional<StoredRefreshToken> loadRefreshToken(String fingerprint) {
        return session.read(jdbc -> jdbc.dao(TokenDao.class, dao -> dao.refreshToken(fingerprint)))
                .map(row -> new StoredRefreshToken(row.fingerprint(), row.familyId(),
                        Instant.ofEpochMilli(row.issuedAt()), instant(row.usedAt())));
    }

    @Override
    public void insertTokenFamily(TokenFamily family) {
        write(dao -> dao.insertFamily(family.familyId(), family.clientId().value(), family.user(),
                family.companyLimit() == null ? null : family.companyLimit().value(),
                family.createdAt().toEpochMilli(), family.expiresAt().toEpochMilli(), millis(family.revokedAt())));
    }

    @Override
    public void insertRefreshToken(StoredRefreshToken token) {
        write(dao -> dao.insertRefreshToken(token.fingerprint(), token.familyId(), token.issuedAt().toEpochMilli(),
                millis(token.usedAt())));
    }

    @Override
    public void markRefreshTokenUsed(String fingerprint, Instant at) {
        write(dao -> dao.markUsed(fingerprint, at.toEpochMilli()));
    }

    @Override
    public void revokeTokenFamily(String familyId, Instant at) {
        write(dao -> dao.revokeFamily(familyId, at.toEpochMilli()));
    }

    @Override
    public void revokeTokenFamilies(ClientId clientId, Instant at) {
        write(dao -> dao.revokeFamilies(clientId.value(), at.toEpochMilli()));
    }

    @Override
    public void deleteTokenFamiliesExpiredBefore(Instant before) {
        write(dao -> dao.deleteFamiliesExpiredBefore(before.toEpochMilli()));
    }

    @Override
    public void revokeAccessToken(String tokenId, Instant expiresAt) {
        write(dao -> dao.revokeAccessToken(tokenId, expiresAt.toEpochMilli()));
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        return session.read(jdbc -> jdbc.dao(TokenDao.class, dao -> dao.isAccessTokenRevoked(tokenId)));
    }

    @Override
    public void forgetAccessTokenRevocationsExpiredBefore(Instant before) {
        write(dao -> dao.forgetRevocationsExpiredBefore(before.toEpochMilli()));
    }

    private void write(Consumer<TokenDao> work) {
        session.write(jdbc -> jdbc.dao(TokenDao.class, dao -> {
            work.accept(dao);
            return null;
        }));
    }

    private static TokenFamily family(TokenDao.FamilyRow row) {
        return new TokenFamily(row.familyId(), ClientId.of(row.clientId()), row.user(),
                row.companyLimit() == null ? null : CompanyId.of(row.companyLimit()),
                Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.expiresAt()), instant(row.revokedAt()));
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
