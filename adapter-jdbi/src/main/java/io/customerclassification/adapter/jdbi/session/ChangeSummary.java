package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;
import java.util.Set;

/**
 * What a committed write transaction did to one company's rows of a table.
 *
 * @param versionBefore the table's change version before the transaction's first change to it
 * @param inserted rows inserted
 * @param updated the fields the transaction's updates may have changed
 * @param insertedLast whether every row inserted has a key above every row committed before the transaction and
 *     below every row committed after it ({@link Transactions#keysFollowCommitOrder}), so that it comes last in key
 *     order
 */
public record ChangeSummary(long versionBefore, long inserted, long deleted, Set<QueryField> updated,
        boolean insertedLast) {}
