package io.customerclassification.adapter.jdbi.identity;

import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The one home of {@code token_family}'s, {@code refresh_token}'s and {@code revoked_access_token}'s SQL. Times are
 * epoch milliseconds; expired rows go through the expiry indexes, never by a scan.
 */
@RegisterConstructorMapper(TokenDao.FamilyRow.class)
@RegisterConstructorMapper(TokenDao.RefreshTokenRow.class)
interface TokenDao {

    String DELETE_FAMILIES_EXPIRED_BEFORE = "DELETE FROM token_family WHERE expires_at < :before";
    String FORGET_REVOCATIONS_EXPIRED_BEFORE = "DELETE FROM revoked_access_token WHERE expires_at < :before";
    String REVOKE_FAMILIES_OF_CLIENT = "UPDATE token_family SET revoked_at = :at WHERE client_id = :client"
            + " AND revoked_at IS NULL";

    record FamilyRow(@ColumnName("family_id") String familyId, @ColumnName("client_id") String clientId,
            @ColumnName("user_name") String user, @ColumnName("company_limit") Long companyLimit,
            @ColumnName("created_at") long createdAt, @ColumnName("expires_at") long expiresAt,
            @ColumnName("revoked_at") Long revokedAt) {}

    record RefreshTokenRow(@ColumnName("fingerprint") String fingerprint, @ColumnName("family_id") String familyId,
            @ColumnName("issued_at") long issuedAt, @ColumnName("used_at") Long usedAt) {}

    @SqlQuery("SELECT family_id, client_id, user_name, company_limit, created_at, expires_at, revoked_at"
            + " FROM token_family WHERE family_id = :family")
    Optional<FamilyRow> family(@Bind("family") String familyId);

    @SqlUpdate("INSERT INTO token_family (family_id, client_id, user_name, company_limit, created_at, expires_at,"
            + " revoked_at) VALUES (:family, :client, :user, :company, :created, :expires, :revoked)")
    void insertFamily(@Bind("family") String familyId, @Bind("client") String clientId, @Bind("user") String user,
            @Bind("company") Long companyLimit, @Bind("created") long createdAt, @Bind("expires") long expiresAt,
            @Bind("revoked") Long revokedAt);

    @SqlUpdate("UPDATE token_family SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
    void revokeFamily(@Bind("family") String familyId, @Bind("at") long at);

    @SqlUpdate(REVOKE_FAMILIES_OF_CLIENT)
    void revokeFamilies(@Bind("client") String clientId, @Bind("at") long at);

    /** Their refresh tokens go with them ({@code ON DELETE CASCADE}). */
    @SqlUpdate(DELETE_FAMILIES_EXPIRED_BEFORE)
    void deleteFamiliesExpiredBefore(@Bind("before") long before);

    @SqlQuery("SELECT fingerprint, family_id, issued_at, used_at FROM refresh_token WHERE fingerprint = :fingerprint")
    Optional<RefreshTokenRow> refreshToken(@Bind("fingerprint") String fingerprint);

    @SqlUpdate("INSERT INTO refresh_token (fingerprint, family_id, issued_at, used_at)"
            + " VALUES (:fingerprint, :family, :issued, :used)")
    void insertRefreshToken(@Bind("fingerprint") String fingerprint, @Bind("family") String familyId,
            @Bind("issued") long issuedAt, @Bind("used") Long usedAt);

    @SqlUpdate("UPDATE refresh_token SET used_at = :at WHERE fingerprint = :fingerprint")
    void markUsed(@Bind("fingerprint") String fingerprint, @Bind("at") long at);

    @SqlUpdate("INSERT INTO revoked_access_token (token_id, expires_at) VALUES (:token, :expires)"
            + " ON CONFLICT (token_id) DO NOTHING")
    void revokeAccessToken(@Bind("token") String tokenId, @Bind("expires") long expiresAt);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM revoked_access_token WHERE token_id = :token)")
    boolean isAccessTokenRevoked(@Bind("token") String tokenId);

    @SqlUpdate(FORGET_REVOCATIONS_EXPIRED_BEFORE)
    void forgetRevocationsExpiredBefore(@Bind("before") long before);
}
