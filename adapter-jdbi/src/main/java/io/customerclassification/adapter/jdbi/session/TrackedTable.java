package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;

/** A table whose changes the session tracks for the {@link ChangeListener}: its name and its key field. */
public interface TrackedTable {

    String table();

    /** The field of the table's key, which only grows and by which its default order sorts. */
    QueryField identity();
}
