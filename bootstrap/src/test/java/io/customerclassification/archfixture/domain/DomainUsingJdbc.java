package io.customerclassification.archfixture.domain;

import java.sql.Connection;

/** Breaks the domain allow-list and the "SQL only in the JDBI adapter" rule. */
public class DomainUsingJdbc {
    Connection connection;
}
