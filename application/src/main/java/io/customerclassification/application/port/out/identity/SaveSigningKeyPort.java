package io.customerclassification.application.port.out.identity;

import java.time.Instant;

public interface SaveSigningKeyPort {

    void insertSigningKey(SigningKey key);

    /** Marks every key but {@code keepKeyId} that still signs as retired at {@code at}. */
    void retireSigningKeysExcept(String keepKeyId, Instant at);

    /** Deletes the keys retired before {@code before}. */
    void deleteSigningKeysRetiredBefore(Instant before);
}
