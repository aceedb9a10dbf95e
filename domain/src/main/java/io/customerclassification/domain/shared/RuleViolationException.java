package io.customerclassification.domain.shared;

/** A business rule that spans records refuses the change (hierarchy, status, delete rules). */
public non-sealed abstract class RuleViolationException extends DomainException {

    protected RuleViolationException(String message) {
        super(message);
    }
}
