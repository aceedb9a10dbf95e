package io.customerclassification.bootstrap;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code GET /health} reports about the store: whether it answers, and since when writes find it full.
 *
 * @param fullSince empty while writes fit
 */
record StoreState(boolean reachable, Optional<Instant> fullSince) {

    static final StoreState UNREACHABLE = new StoreState(false, Optional.empty());

    static StoreState of(CustomerClassification app) {
        return app.isDatabaseReachable() ? new StoreState(true, app.storeFullSince()) : UNREACHABLE;
    }
}
