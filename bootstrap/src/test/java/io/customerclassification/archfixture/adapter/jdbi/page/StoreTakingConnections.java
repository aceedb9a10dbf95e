package io.customerclassification.archfixture.adapter.jdbi.page;

import javax.sql.DataSource;

/** Breaks "connections only in the session": a part outside the session that takes connections of its own. */
public class StoreTakingConnections {
    DataSource connections;
}
