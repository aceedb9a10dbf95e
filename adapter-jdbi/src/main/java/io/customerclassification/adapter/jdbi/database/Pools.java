package io.customerclassification.adapter.jdbi.database;

import io.customerclassification.adapter.jdbi.PoolState;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What every database's entry point asks of its connections: whether they answer, and the pool's figures. */
public final class Pools {

    private Pools() {}

    /** Whether a connection of {@code connections} answers a trivial query. */
    public static boolean answers(DataSource connections) {
        try (Connection connection = connections.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT 1")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The pool's figures now; {@link PoolState#NONE} without a pool. */
    public static PoolState state(HikariDataSource pool) {
        if (pool == null) {
            return PoolState.NONE;
        }
        var bean = pool.getHikariPoolMXBean();
        return bean == null ? new PoolState(0, 0, 0, pool.getMaximumPoolSize())
                : new PoolState(bean.getActiveConnections(), bean.getIdleConnections(),
                        bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }
}
