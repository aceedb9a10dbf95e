package io.customerclassification.domain.shared;

/** The request clashes with the current state of another record (for example a name already taken). */
public non-sealed abstract class ConflictException extends DomainException {

    protected ConflictException(String message) {
        super(message);
    }
}
