package io.customerclassification.bootstrap;

/** The server cannot start with the configuration it was given; the message says what to change. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
