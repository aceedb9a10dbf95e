package io.customerclassification.adapter.jdbi.page;

import io.customerclassification.adapter.jdbi.session.TrackedTable;
import io.customerclassification.application.query.QueryField;

/**
 * Where the pages of one aggregate are read from, as its persistence adapter declares it: {@code table alias}, the
 * columns its row reader reads (first, in that order), the join that adds columns of other rows ({@code ""} when
 * there is none), and the compiler of its field→column map.
 */
public record PageSource(String table, String alias, String columns, String join, QueryCompiler compiler)
        implements TrackedTable {

    @Override
    public QueryField identity() {
        return compiler.identity();
    }
}
