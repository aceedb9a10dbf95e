package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.InvalidValueException;

/** A client id that is empty, too long or has a character outside {@code [A-Za-z0-9._-]}. */
public final class InvalidClientIdException extends InvalidValueException {

    public InvalidClientIdException(String rejected) {
        super(rejected == null ? "A client id is required"
                : "A client id is 1-" + ClientId.MAX_LENGTH + " characters of A-Z, a-z, 0-9, '.', '_' and '-'");
    }
}
