package io.customerclassification.application.service;

/**
 * The forms of this server's bearer and refresh credentials. Each starts with a prefix of its own, so that the
 * server (and a secret scanner) tells them apart at a glance; all are base64url, safe in any header or form.
 */
final class Credentials {

    /** A refresh token: the prefix and a 256-bit secret. */
    static final String REFRESH_TOKEN_PREFIX = "ccr_";

    /** An API key: the prefix, the key id, and a 256-bit secret. */
    static final String API_KEY_PREFIX = "cck_";

    static final int KEY_ID_LENGTH = 16;
    static final int SECRET_LENGTH = 43;
    static final int API_KEY_LENGTH = API_KEY_PREFIX.length() + KEY_ID_LENGTH + SECRET_LENGTH;

    /** Longer bearer credentials are refused unread (a JWT of this server is well under 1 KiB). */
    static final int MAX_BEARER_LENGTH = 8 * 1024;

    private Credentials() {}

    static boolean isApiKey(String credential) {
        return credential.length() == API_KEY_LENGTH && credential.startsWith(API_KEY_PREFIX);
    }

    static String apiKeyId(String apiKey) {
        return apiKey.substring(API_KEY_PREFIX.length(), API_KEY_PREFIX.length() + KEY_ID_LENGTH);
    }

    static String apiKeySecret(String apiKey) {
        return apiKey.substring(API_KEY_PREFIX.length() + KEY_ID_LENGTH);
    }

    static String apiKey(String keyId, String secret) {
        return API_KEY_PREFIX + keyId + secret;
    }

    static boolean isRefreshToken(String credential) {
        return credential.startsWith(REFRESH_TOKEN_PREFIX);
    }
}
