package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.InvalidIdentifierException;

/** Server-assigned key of a customer type (the Intacct {@code key}); positive, never reused. */
public record CustomerTypeKey(long value) implements Comparable<CustomerTypeKey> {

    public CustomerTypeKey {
        if (value <= 0) {
            throw new InvalidIdentifierException("customer type", value);
        }
    }

    public static CustomerTypeKey of(long value) {
        return new CustomerTypeKey(value);
    }

    @Override
    public int compareTo(CustomerTypeKey other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
