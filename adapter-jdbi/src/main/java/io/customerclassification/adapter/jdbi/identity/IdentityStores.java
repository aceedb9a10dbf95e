package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Session;

/** The identity out-ports over one SQL database, by table group, all on one session. */
public record IdentityStores(
        ClientPersistenceAdapter clients,
        ApiKeyPersistenceAdapter apiKeys,
        TokenPersistenceAdapter tokens,
        FailedAuthenticationPersistenceAdapter failedAuthentications,
        SigningKeyPersistenceAdapter signingKeys,
        IdentityChangeAdapter changes) {

    public static IdentityStores over(Session session) {
        return new IdentityStores(new ClientPersistenceAdapter(session), new ApiKeyPersistenceAdapter(session),
                new TokenPersistenceAdapter(session), new FailedAuthenticationPersistenceAdapter(session),
                new SigningKeyPersistenceAdapter(session), new IdentityChangeAdapter(session));
    }
}
