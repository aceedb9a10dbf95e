package io.customerclassification.domain.customertype;

/** Active types are fully usable; inactive ones cannot be referenced by active types. */
public enum CustomerTypeStatus {
    ACTIVE,
    INACTIVE;

    public boolean isActive() {
        return this == ACTIVE;
    }
}
