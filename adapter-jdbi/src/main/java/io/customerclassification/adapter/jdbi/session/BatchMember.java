package io.customerclassification.adapter.jdbi.session;

/** What one member of a group-commit batch ({@link Session}) answered, or how it failed. */
record BatchMember<T>(T result, Throwable refusal) {

    /**
     * The member's answer once its batch ended: its own, if the batch committed (or if its own failure ended
     * the batch); else the batch's failure, also for a member whose work was refused, since the refusal may rest
     * on another member's write that never committed.
     */
    T answer(Throwable batchFailure) {
        if (batchFailure != null && batchFailure != refusal) {
            throw StoreFailures.relayed(batchFailure);
        }
        if (refusal instanceof Error error) {
            throw error;
        }
        if (refusal != null) {
            throw (RuntimeException) refusal;
        }
        return result;
    }
}
