package io.customerclassification.application.port.in.identity;

import java.time.Instant;

/** What may be shown of an API key once created: its id and when it was made. */
public record ApiKeyInfo(String keyId, Instant createdAt) {}
