package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.company.CompanyPersistenceAdapter;
import io.customerclassification.adapter.jdbi.customerprofile.CustomerProfilePersistenceAdapter;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypeHierarchyAdapter;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypePersistenceAdapter;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypeSql;
import io.customerclassification.adapter.jdbi.idempotency.IdempotencyPersistenceAdapter;
import io.customerclassification.adapter.jdbi.identity.IdentityStores;
import io.customerclassification.adapter.jdbi.page.PageReader;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.session.WorkGate;
import io.customerclassification.application.port.out.TransactionPort;

/**
 * Every out-port of the application over one SQL database, by aggregate: the persistence adapter of each, and the
 * session's transactions. A database's entry point (SQLite: {@code SqliteDatabase}) builds them over its own parts.
 */
public record Stores(
        Session session,
        CompanyPersistenceAdapter companies,
        CustomerProfilePersistenceAdapter customerProfiles,
        CustomerTypePersistenceAdapter customerTypes,
        CustomerTypeHierarchyAdapter customerTypeHierarchy,
        IdempotencyPersistenceAdapter idempotency,
        IdentityStores identity) {

    /** The session's write transactions, the one {@link TransactionPort} of these stores. */
    public TransactionPort transactions() {
        return session;
    }

    /**
     * The adapters of every aggregate over one session and its page reader.
     *
     * @param subtreeSql the subtree walk's statements in the database's SQL
     * @param subtreeReads the gate subtree reads take their turn at
     * @param exports the gate exports take their turn at
     */
    public static Stores over(Session session, PageReader pages, CustomerTypeSql.SubtreeSql subtreeSql,
            WorkGate subtreeReads, WorkGate exports) {
        return new Stores(session,
                new CompanyPersistenceAdapter(session),
                new CustomerProfilePersistenceAdapter(session, pages, exports),
                new CustomerTypePersistenceAdapter(session, pages),
                new CustomerTypeHierarchyAdapter(session, subtreeSql, subtreeReads, exports),
                new IdempotencyPersistenceAdapter(session),
                IdentityStores.over(session));
    }
}
