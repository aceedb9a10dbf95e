package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;
import java.util.Set;

/**
 * Where a persistence adapter records, inside the write transaction, what it did to one company's rows of a
 * tracked table ({@link Session#changing}): once for every row it inserts or deletes, and the fields an update
 * may change.
 */
public final class TableChanges {

    private final Changes.Counts counts;

    TableChanges(Changes.Counts counts) {
        this.counts = counts;
    }

    public void inserted() {
        counts.inserted++;
    }

    public void deleted() {
        counts.deleted++;
    }

    public void updated(Set<? extends QueryField> fields) {
        counts.updated.addAll(fields);
    }
}
