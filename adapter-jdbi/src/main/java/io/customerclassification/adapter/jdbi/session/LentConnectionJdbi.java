package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Jdbi over the connections the {@link Session} lends: a handle opened here wraps the lent connection and leaves
 * it, and its transaction, to the session — closing the handle neither closes the connection nor ends the
 * transaction the session began on it. SqlObject DAOs attach to such a handle ({@link Jdbc#dao}).
 */
final class LentConnectionJdbi {

    private final ThreadLocal<Connection> lending = new ThreadLocal<>();
    private final Jdbi jdbi;

    LentConnectionJdbi() {
        jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                Connection connection = lending.get();
                if (connection == null) {
                    throw new IllegalStateException("Jdbi handles are opened on the session's lent connections only");
                }
                return connection;
            }

            @Override
            public void closeConnection(Connection connection) {
                // the session closes the connections it lends
            }
        });
        jdbi.installPlugin(new SqlObjectPlugin());
        // the session begins and ends transactions with its database's own statements, which Jdbi cannot see
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    }

    /** A handle on {@code connection}, which the caller closes before it gives the connection back. */
    Handle open(Connection connection) {
        lending.set(connection);
        try {
            return jdbi.open();
        } finally {
            lending.remove();
        }
    }
}
