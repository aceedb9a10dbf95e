package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;
import java.util.Set;

/**
 * What a committed write transaction did to one company's rows of a table.
 *
 * @param versionBefore the table's change version before the transaction's first change to it
 * @param inserted rows inserted, each with a key above every row that existed before
 * @param updated the fields the transaction's updates may have changed
 */
public record ChangeSummary(long versionBefore, long inserted, long deleted, Set<QueryField> updated) {}
