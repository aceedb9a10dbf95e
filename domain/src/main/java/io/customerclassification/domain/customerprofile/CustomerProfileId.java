package io.customerclassification.domain.customerprofile;

import io.customerclassification.domain.shared.InvalidIdentifierException;

/** Server-assigned identifier of a customer profile (the Simpro {@code ID}); positive, never reused. */
public record CustomerProfileId(long value) implements Comparable<CustomerProfileId> {

    public CustomerProfileId {
        if (value <= 0) {
            throw new InvalidIdentifierException("customer profile", value);
        }
    }

    public static CustomerProfileId of(long value) {
        return new CustomerProfileId(value);
    }

    @Override
    public int compareTo(CustomerProfileId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
