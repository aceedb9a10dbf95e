package io.customerclassification.domain.shared;

/** An identifier outside its range (identifiers are non-negative; record ids are positive). */
public final class InvalidIdentifierException extends InvalidValueException {

    private final String kind;
    private final long value;

    public InvalidIdentifierException(String kind, long value) {
        super("Invalid " + kind + " identifier: " + value);
        this.kind = kind;
        this.value = value;
    }

    public String kind() {
        return kind;
    }

    public long value() {
        return value;
    }
}
