package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.RuleViolationException;

/** The parent was given by key and by id, and the two name different records. */
public final class ParentReferenceMismatchException extends RuleViolationException {

    private final CustomerTypeKey givenKey;
    private final Name givenName;
    private final CustomerTypeKey keyOfGivenName;

    public ParentReferenceMismatchException(CustomerTypeKey givenKey, Name givenName, CustomerTypeKey keyOfGivenName) {
        super("Parent key " + givenKey + " and parent id '" + givenName + "' name different customer types");
        this.givenKey = givenKey;
        this.givenName = givenName;
        this.keyOfGivenName = keyOfGivenName;
    }

    public CustomerTypeKey givenKey() {
        return givenKey;
    }

    public Name givenName() {
        return givenName;
    }

    /** The key of the record the given id names. */
    public CustomerTypeKey keyOfGivenName() {
        return keyOfGivenName;
    }
}
