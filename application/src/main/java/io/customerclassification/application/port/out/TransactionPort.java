package io.customerclassification.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one write transaction: everything the work reads is consistent with what it writes, writers
 * are serialised, and when the work throws nothing it wrote remains. Services decide multi-record rules
 * inside it, so that concurrent requests cannot interleave between a check and the write it guards.
 */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
