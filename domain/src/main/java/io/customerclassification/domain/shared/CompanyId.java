package io.customerclassification.domain.shared;

/** Identifies the company (tenant) a record belongs to. Company 0 always exists. */
public record CompanyId(long value) implements Comparable<CompanyId> {

    public static final CompanyId DEFAULT = new CompanyId(0);

    public CompanyId {
        if (value < 0) {
            throw new InvalidIdentifierException("company", value);
        }
    }

    public static CompanyId of(long value) {
        return new CompanyId(value);
    }

    public boolean isDefault() {
        return value == 0;
    }

    @Override
    public int compareTo(CompanyId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
