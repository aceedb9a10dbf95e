package io.customerclassification.domain.shared;

/**
 * Base of every refusal the domain can make. Sealed into four categories so that an adapter can map a
 * whole category (not found, conflict, rule violation, invalid value) without knowing every rule, and
 * still map a specific rule to its own code when its dialect has one.
 */
public sealed abstract class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, RuleViolationException, InvalidValueException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
