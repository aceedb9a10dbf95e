package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds customer type nodes and chains for policy tests. */
final class Nodes {

    static final Instant T0 = Instant.parse("2026-01-07T06:18:51Z");

    private Nodes() {}

    static CustomerType node(long key, Long parent, CustomerTypeStatus status) {
        return new CustomerType(CustomerTypeKey.of(key), CompanyId.DEFAULT, Name.of("type " + key), status,
                parent == null ? null : CustomerTypeKey.of(parent), Audit.created(T0, null), 1);
    }

    static CustomerType active(long key, Long parent) {
        return node(key, parent, CustomerTypeStatus.ACTIVE);
    }

    static CustomerType inactive(long key, Long parent) {
        return node(key, parent, CustomerTypeStatus.INACTIVE);
    }

    /** A chain of active nodes keyed from {@code firstKey}, nearest first: the lineage of a node at depth n+1. */
    static Placement activeChain(long firstKey, int length) {
        List<CustomerType> lineage = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            long key = firstKey + i;
            lineage.add(active(key, i == length - 1 ? null : key + 1));
        }
        return new Placement(lineage);
    }
}
