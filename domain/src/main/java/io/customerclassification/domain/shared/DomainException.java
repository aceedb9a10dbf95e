package io.customerclassification.domain.shared;

/**
 * Base of every refusal the domain can make. Sealed into six categories so that an adapter can map a
 * whole category (not found, conflict, rule violation, invalid value, failed authentication, denied access)
 * without knowing every rule, and still map a specific rule to its own code when its dialect has one.
 */
public sealed abstract class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, RuleViolationException, InvalidValueException,
                AuthenticationFailedException, AccessDeniedException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
