package io.customerclassification.adapter.jdbi.page;

import io.customerclassification.adapter.jdbi.session.Jdbc;

/** What the database's planner says of a seek, where the page reader chooses how to build checkpoints. */
@FunctionalInterface
public interface SeekPlans {

    /** Whether every run of {@code seek} sorts its matches anew, because no index serves its order. */
    boolean sortsForEachSeek(Jdbc jdbc, QueryCompiler.Sql seek);
}
