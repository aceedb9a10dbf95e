package io.customerclassification.application.port.out.identity;

import java.util.List;

public interface LoadSigningKeysPort {

    /** Every stored key, newest first. */
    List<SigningKey> loadSigningKeys();
}
