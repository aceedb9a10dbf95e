package io.customerclassification.adapter.jdbi.idempotency;

import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The one home of {@code idempotency_key}'s SQL, a SqlObject DAO: a keyed POST reads its key once and writes it twice
 * (the claim, the answer), beside the statements of the request it runs, so these are off the hot path of the
 * dialects (docs/persistence.md, "Two access styles"). Times are epoch milliseconds.
 */
@RegisterConstructorMapper(IdempotencyKeyDao.KeyRow.class)
interface IdempotencyKeyDao {

    /** A row of {@code idempotency_key}; {@code status}, {@code headers} and {@code body} are null until answered. */
    record KeyRow(@ColumnName("request_hash") byte[] requestHash, @ColumnName("claim_token") long claimToken,
            @ColumnName("claimed_at") long claimedAt, @ColumnName("expires_at") long expiresAt,
            @ColumnName("status") Integer status, @ColumnName("headers") String headers,
            @ColumnName("body") byte[] body) {}

    /** A key, by the unique index on client and key. */
    String FIND = "SELECT request_hash, claim_token, claimed_at, expires_at, status, headers, body FROM idempotency_key"
            + " WHERE client = :client AND key = :key";
    /** The first answer, under its claim, by the same index. */
    String ANSWER = "UPDATE idempotency_key SET status = :status, headers = :headers, body = :body"
            + " WHERE client = :client AND key = :key AND claim_token = :claim AND status IS NULL";
    /** An unanswered claim, by the same index. */
    String RELEASE = "DELETE FROM idempotency_key WHERE client = :client AND key = :key AND claim_token = :claim"
            + " AND status IS NULL";
    /** The oldest expired keys, at most {@code limit}, through the expiry index. */
    String DELETE_EXPIRED = "DELETE FROM idempotency_key WHERE id IN (SELECT id FROM idempotency_key"
            + " WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit)";

    @SqlQuery(FIND)
    Optional<KeyRow> find(@Bind("client") String client, @Bind("key") String key);

    /** A new claim, or one that replaces whatever the key held (an expired key, an abandoned claim). */
    @SqlUpdate("INSERT INTO idempotency_key (client, key, request_hash, claim_token, claimed_at, expires_at)"
            + " VALUES (:client, :key, :hash, :claim, :claimedAt, :expiresAt)"
            + " ON CONFLICT (client, key) DO UPDATE SET request_hash = excluded.request_hash,"
            + " claim_token = excluded.claim_token, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at,"
            + " status = NULL, headers = NULL, body = NULL")
    void claim(@Bind("client") String client, @Bind("key") String key, @Bind("hash") byte[] hash,
            @Bind("claim") long claim, @Bind("claimedAt") long claimedAt, @Bind("expiresAt") long expiresAt);

    @SqlUpdate(ANSWER)
    int answer(@Bind("client") String client, @Bind("key") String key, @Bind("claim") long claim,
            @Bind("status") int status, @Bind("headers") String headers, @Bind("body") byte[] body);

    @SqlUpdate(RELEASE)
    void release(@Bind("client") String client, @Bind("key") String key, @Bind("claim") long claim);

    @SqlUpdate(DELETE_EXPIRED)
    int deleteExpired(@Bind("now") long now, @Bind("limit") int limit);
}
