package io.customerclassification.domain.shared;

/** A single value breaks the rules of its type (for example a name with a control character). */
public non-sealed abstract class InvalidValueException extends DomainException {

    protected InvalidValueException(String message) {
        super(message);
    }
}
