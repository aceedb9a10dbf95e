package io.customerclassification.domain.shared;

/** A record that a request names does not exist (in the company the request is made for). */
public non-sealed abstract class NotFoundException extends DomainException {

    protected NotFoundException(String message) {
        super(message);
    }
}
