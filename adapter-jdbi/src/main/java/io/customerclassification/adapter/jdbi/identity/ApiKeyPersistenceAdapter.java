package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.identity.DeleteApiKeyPort;
import io.customerclassification.application.port.out.identity.LoadApiKeyPort;
import io.customerclassification.application.port.out.identity.SaveApiKeyPort;
import io.customerclassification.application.port.out.identity.StoredApiKey;
import io.customerclassification.domain.identity.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys over SQL ({@link ApiKeyDao}). */
public final class ApiKeyPersistenceAdapter implements LoadApiKeyPort, SaveApiKeyPort, DeleteApiKeyPort {

    private final Session session;

    public ApiKeyPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public Optional<StoredApiKey> loadApiKey(String keyId) {
        return session.read(jdbc -> jdbc.dao(ApiKeyDao.class, dao -> dao.byId(keyId)))
                .map(ApiKeyPersistenceAdapter::key);
    }

    @Override
    public List<StoredApiKey> loadApiKeys(ClientId clientId) {
        return session.read(jdbc -> jdbc.dao(ApiKeyDao.class, dao -> dao.ofClient(clientId.value()))).stream()
                .map(ApiKeyPersistenceAdapter::key).toList();
    }

    @Override
    public void insertApiKey(StoredApiKey key) {
        session.write(jdbc -> jdbc.dao(ApiKeyDao.class, dao -> {
            dao.insert(key.keyId(), key.clientId().value(), key.secretHash(), key.createdAt().toEpochMilli());
            return null;
        }));
    }

    @Override
    public boolean deleteApiKey(ClientId clientId, String keyId) {
        return session.write(jdbc -> jdbc.dao(ApiKeyDao.class, dao -> dao.delete(clientId.value(), keyId) > 0));
    }

    private static StoredApiKey key(ApiKeyDao.ApiKeyRow row) {
        return new StoredApiKey(row.keyId(), ClientId.of(row.clientId()), row.secretHash(),
                Instant.ofEpochMilli(row.createdAt()));
    }
}
