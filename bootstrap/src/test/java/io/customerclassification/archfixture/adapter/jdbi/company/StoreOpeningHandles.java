package io.customerclassification.archfixture.adapter.jdbi.company;

import org.jdbi.v3.core.Handle;

/**
 * Breaks "connections only in the session": a persistence adapter that holds a Jdbi handle of its own instead of
 * attaching its DAO through the session's {@code Jdbc.dao}.
 */
public class StoreOpeningHandles {
    Handle handle;
}
