package io.customerclassification.application.port.out.identity;

public interface SaveApiKeyPort {

    /** The client must exist. */
    void insertApiKey(StoredApiKey key);
}
