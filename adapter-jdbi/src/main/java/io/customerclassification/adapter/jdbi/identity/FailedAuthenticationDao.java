package io.customerclassification.adapter.jdbi.identity;

import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one home of {@code failed_authentication}'s SQL. Times are epoch milliseconds. */
@RegisterConstructorMapper(FailedAuthenticationDao.CounterRow.class)
interface FailedAuthenticationDao {

    String FORGET_STARTED_BEFORE = "DELETE FROM failed_authentication WHERE window_start < :before";

    record CounterRow(@ColumnName("client_id") String clientId, @ColumnName("window_start") long windowStart,
            @ColumnName("failures") int failures) {}

    @SqlQuery("SELECT client_id, window_start, failures FROM failed_authentication WHERE client_id = :client")
    Optional<CounterRow> of(@Bind("client") String clientId);

    @SqlUpdate("INSERT INTO failed_authentication (client_id, window_start, failures) VALUES (:client, :start, :failures)"
            + " ON CONFLICT (client_id) DO UPDATE SET window_start = excluded.window_start, failures = excluded.failures")
    void save(@Bind("client") String clientId, @Bind("start") long windowStart, @Bind("failures") int failures);

    @SqlUpdate(FORGET_STARTED_BEFORE)
    void forgetStartedBefore(@Bind("before") long before);
}
