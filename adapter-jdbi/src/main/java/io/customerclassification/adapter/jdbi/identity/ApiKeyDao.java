package io.customerclassification.adapter.jdbi.identity;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one home of {@code api_key}'s SQL. Times are epoch milliseconds. */
@RegisterConstructorMapper(ApiKeyDao.ApiKeyRow.class)
interface ApiKeyDao {

    String OF_CLIENT = "SELECT key_id, client_id, secret_hash, created_at FROM api_key WHERE client_id = :client"
            + " ORDER BY created_at, key_id";

    record ApiKeyRow(@ColumnName("key_id") String keyId, @ColumnName("client_id") String clientId,
            @ColumnName("secret_hash") String secretHash, @ColumnName("created_at") long createdAt) {}

    @SqlQuery("SELECT key_id, client_id, secret_hash, created_at FROM api_key WHERE key_id = :key")
    Optional<ApiKeyRow> byId(@Bind("key") String keyId);

    @SqlQuery(OF_CLIENT)
    List<ApiKeyRow> ofClient(@Bind("client") String clientId);

    @SqlUpdate("INSERT INTO api_key (key_id, client_id, secret_hash, created_at) VALUES (:key, :client, :hash, :at)")
    void insert(@Bind("key") String keyId, @Bind("client") String clientId, @Bind("hash") String secretHash,
            @Bind("at") long createdAt);

    /** @return the rows deleted: 1, or 0 when the client has no such key */
    @SqlUpdate("DELETE FROM api_key WHERE client_id = :client AND key_id = :key")
    int delete(@Bind("client") String clientId, @Bind("key") String keyId);
}
