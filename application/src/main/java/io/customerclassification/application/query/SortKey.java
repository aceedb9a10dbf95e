package io.customerclassification.application.query;

import java.util.Objects;

/**
 * One sort key. Orderings are total and the same everywhere: nulls sort before every value in ascending
 * order (after in descending); strings sort by their case fold, then by code point; every ordering ends
 * with the catalogue's identity field ascending, so that equal keys keep a stable order across pages.
 */
public record SortKey(QueryField field, Direction direction) {

    public enum Direction {
        ASC,
        DESC
    }

    public SortKey {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }

    public static SortKey asc(QueryField field) {
        return new SortKey(field, Direction.ASC);
    }

    public static SortKey desc(QueryField field) {
        return new SortKey(field, Direction.DESC);
    }
}
