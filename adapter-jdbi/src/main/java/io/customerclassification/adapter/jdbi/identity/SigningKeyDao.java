package io.customerclassification.adapter.jdbi.identity;

import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one home of {@code signing_key}'s SQL. Times are epoch milliseconds. */
@RegisterConstructorMapper(SigningKeyDao.KeyRow.class)
interface SigningKeyDao {

    record KeyRow(@ColumnName("key_id") String keyId, @ColumnName("algorithm") String algorithm,
            @ColumnName("material") String material, @ColumnName("created_at") long createdAt,
            @ColumnName("retired_at") Long retiredAt) {}

    @SqlQuery("SELECT key_id, algorithm, material, created_at, retired_at FROM signing_key"
            + " ORDER BY created_at DESC, key_id DESC")
    List<KeyRow> all();

    @SqlUpdate("INSERT INTO signing_key (key_id, algorithm, material, created_at, retired_at)"
            + " VALUES (:key, :algorithm, :material, :created, :retired)")
    void insert(@Bind("key") String keyId, @Bind("algorithm") String algorithm, @Bind("material") String material,
            @Bind("created") long createdAt, @Bind("retired") Long retiredAt);

    @SqlUpdate("UPDATE signing_key SET retired_at = :at WHERE key_id <> :keep AND retired_at IS NULL")
    void retireAllBut(@Bind("keep") String keepKeyId, @Bind("at") long at);

    @SqlUpdate("DELETE FROM signing_key WHERE retired_at < :before")
    void deleteRetiredBefore(@Bind("before") long before);
}
