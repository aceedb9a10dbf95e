package io.customerclassification.adapter.http.intacct;

/** A request the Intacct dialect refuses; {@link IntacctErrors} renders it in the error envelope. */
final class IntacctException extends RuntimeException {

    private final IntacctError error;

    IntacctException(IntacctError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    IntacctError error() {
        return error;
    }
}
