package io.customerclassification.application.port.in.identity;

/**
 * A client id and secret as a token request sends them (in its body or by HTTP Basic), unchecked: a wrong or
 * malformed id is a failed authentication, not a bad request. {@link #toString()} never shows the secret.
 */
public record ClientCredentials(String clientId, String secret) {

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=(hidden)]";
    }
}
