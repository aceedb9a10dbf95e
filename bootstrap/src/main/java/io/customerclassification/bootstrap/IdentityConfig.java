package io.customerclassification.bootstrap;

import io.customerclassification.domain.identity.ClientId;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * How the server knows its callers (CONTRACT §4).
 *
 * @param authenticationRequired whether every dialect route needs a bearer credential; off ({@code --auth none}) only
 *     on a loopback host, for local tests
 * @param bootstrapClient the admin client created or updated at every start, or {@code null}
 * @param externalIssuer an OpenID Connect issuer whose tokens are accepted too, or {@code null}
 */
public record IdentityConfig(boolean authenticationRequired, BootstrapClient bootstrapClient,
        ExternalIssuer externalIssuer) {

    public static final IdentityConfig REQUIRED = new IdentityConfig(true, null, null);

    /** No credentials needed: for local tests only. */
    public static final IdentityConfig NONE = new IdentityConfig(false, null, null);

    /**
     * An admin client the operator names, with its secret ({@code ID:SECRET}). {@link #toString()} never shows the
     * secret.
     */
    public record BootstrapClient(ClientId clientId, String secret) {

        /** The secret's form: long enough to resist guessing, URL-safe so that HTTP Basic needs no escaping. */
        private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9._~-]{16,512}");

        /**
         * @throws ConfigurationException naming {@code source} when {@code spec} is no {@code ID:SECRET}
         */
        static BootstrapClient parse(String spec, String source) {
            int colon = spec.indexOf(':');
            String id = colon < 0 ? spec : spec.substring(0, colon);
            if (colon <= 0 || !ClientId.isValid(id)) {
                throw new ConfigurationException(source + " takes ID:SECRET, where ID is 1-" + ClientId.MAX_LENGTH
                        + " characters of A-Z, a-z, 0-9, '.', '_' and '-'");
            }
            String secret = spec.substring(colon + 1);
            if (!SECRET.matcher(secret).matches()) {
                throw new ConfigurationException(source + ": the secret must be 16-512 URL-safe characters"
                        + " (A-Z a-z 0-9 . _ ~ -)");
            }
            return new BootstrapClient(ClientId.of(id), secret);
        }

        @Override
        public String toString() {
            return "BootstrapClient[clientId=" + clientId + ", secret=(hidden)]";
        }
    }

    /**
     * @param grantsClaim the claim of the issuer's tokens that carries the grants
     * @param audience a value the tokens' {@code aud} must hold, or {@code null} for any
     */
    public record ExternalIssuer(URI issuer, String grantsClaim, String audience) {}

    /**
     * @throws ConfigurationException when authentication is off on a host that is not a loopback address
     */
    void checkHost(String host) {
        if (!authenticationRequired && !isLoopback(host)) {
            throw new ConfigurationException("--auth none serves every request without credentials and is for local"
                    + " tests only: it needs a loopback --host (127.0.0.1, ::1, localhost), not '" + host + "'");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
