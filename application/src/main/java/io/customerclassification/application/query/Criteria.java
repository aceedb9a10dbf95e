package io.customerclassification.application.query;

import java.util.List;
import java.util.Objects;

/**
 * A neutral query over one aggregate: which records (filter), in which order (sort keys, then the identity
 * field), which window (paging), and which fields the caller will read (projection; empty means all). The
 * projection is a hint an adapter may use to read less; results always carry whole records.
 */
public record Criteria(Filter filter, List<SortKey> sort, Paging paging, List<QueryField> projection) {

    public Criteria {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(paging, "paging");
        sort = List.copyOf(sort);
        projection = List.copyOf(projection);
    }

    public Criteria(Filter filter, List<SortKey> sort, Paging paging) {
        this(filter, sort, paging, List.of());
    }

    public static Criteria all(Paging paging) {
        return new Criteria(Filter.all(), List.of(), paging);
    }
}
