package io.customerclassification.domain.shared;

/**
 * A change was made against a version of a record that is no longer the stored one: someone else changed the
 * record since the caller read it, so the change is refused rather than overwriting theirs unseen.
 */
public final class StaleVersionException extends ConflictException {

    private final String kind;
    private final long id;
    private final long expectedVersion;
    private final long currentVersion;

    /** @param kind what the record is, in words ({@code customer profile}) */
    public StaleVersionException(String kind, long id, long expectedVersion, long currentVersion) {
        super("The " + kind + " " + id + " is at version " + currentVersion + ", not " + expectedVersion
                + ": it has changed since it was read");
        this.kind = kind;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String kind() {
        return kind;
    }

    /** The record's id (a profile's id, a type's key). */
    public long id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    /**
     * Refuses a change based on {@code expected} when the record is at {@code current}.
     *
     * @param expected the version the change is based on, or null for a change based on whatever is stored
     */
    public static void check(String kind, long id, Long expected, long current) {
        if (expected != null && expected != current) {
            throw new StaleVersionException(kind, id, expected, current);
        }
    }
}
