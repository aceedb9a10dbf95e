package io.customerclassification.archfixture.adapter.jdbi.postgres;

import java.sql.Connection;
import org.postgresql.util.PSQLState;

/** Complies with the rules of the SQL adapter: PostgreSQL's own part reads its codes and uses connections. */
public class PostgresPartReadingCodes {
    PSQLState state;
    Connection connection;
}
