package io.customerclassification.domain.shared;

/** A name breaks one of the naming rules; {@link #reason()} says which. */
public final class InvalidNameException extends InvalidValueException {

    /** Each naming rule, with the message adapters show when it is broken. */
    public enum Reason {
        MISSING("must not be null"),
        EMPTY("must not be empty"),
        TOO_LONG("must be at most " + Name.MAX_LENGTH + " characters"),
        CONTROL_CHARACTER("must not contain control characters"),
        SURROUNDING_WHITESPACE("must not start or end with whitespace"),
        MALFORMED_UNICODE("must be well-formed Unicode");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;
    private final String rejectedValue;

    public InvalidNameException(Reason reason, String rejectedValue) {
        super("Name " + reason.description());
        this.reason = reason;
        this.rejectedValue = rejectedValue;
    }

    public Reason reason() {
        return reason;
    }

    /** The value as it was given, possibly null. */
    public String rejectedValue() {
        return rejectedValue;
    }
}
