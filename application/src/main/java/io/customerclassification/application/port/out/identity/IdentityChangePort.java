package io.customerclassification.application.port.out.identity;

/**
 * One counter that every change able to take access away (a grant or client changed or deleted, a token, family
 * or key revoked, a signing key rotated) moves forward in the same transaction. Reading it is cheap, so an
 * instance can tell, request after request, whether what it remembers about credentials still holds, on every
 * instance over one store.
 */
public interface IdentityChangePort {

    long currentIdentityVersion();

    /** Moves the counter forward; call it inside the transaction that makes the change. */
    void recordIdentityChange();
}
