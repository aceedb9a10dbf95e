package io.customerclassification.archfixture.adapter.jdbi.session;

import java.sql.Connection;
import javax.sql.DataSource;

/** Complies with "connections only in the session": the session is where connections are taken. */
public class SessionTakingConnections {
    DataSource connections;

    Connection open() throws java.sql.SQLException {
        return connections.getConnection();
    }
}
