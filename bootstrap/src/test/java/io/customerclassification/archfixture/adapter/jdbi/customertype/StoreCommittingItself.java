package io.customerclassification.archfixture.adapter.jdbi.customertype;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Breaks "connections only in the session": a persistence adapter that ends a transaction itself. */
public class StoreCommittingItself {
    void save(Statement statement) throws SQLException {
        Connection connection = statement.getConnection();
        connection.commit();
    }
}
