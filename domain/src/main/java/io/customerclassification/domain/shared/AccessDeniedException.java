package io.customerclassification.domain.shared;

/** The caller is known but may not do what it asked; nothing was read or changed. */
public non-sealed abstract class AccessDeniedException extends DomainException {

    protected AccessDeniedException(String message) {
        super(message);
    }
}
