package io.customerclassification.application.port.in.identity;

/** Bounds on what one client may hold, so that one request cannot make the store or a token grow without end. */
public final class IdentityLimits {

    /** Grants per client. */
    public static final int MAX_GRANTS = 1_000;

    /** Live API keys per client. */
    public static final int MAX_API_KEYS = 100;

    private IdentityLimits() {}
}
