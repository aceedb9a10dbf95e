package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.identity.LoadSigningKeysPort;
import io.customerclassification.application.port.out.identity.SaveSigningKeyPort;
import io.customerclassification.application.port.out.identity.SigningKey;
import java.time.Instant;
import java.util.List;

/** The signing keys over SQL ({@link SigningKeyDao}), the private key as the codec wrote it (docs/security.md). */
public final class SigningKeyPersistenceAdapter implements LoadSigningKeysPort, SaveSigningKeyPort {

    private final Session session;

    public SigningKeyPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public List<SigningKey> loadSigningKeys() {
        return session.read(jdbc -> jdbc.dao(SigningKeyDao.class, SigningKeyDao::all)).stream()
                .map(row -> new SigningKey(row.keyId(), row.algorithm(), row.material(),
                        Instant.ofEpochMilli(row.createdAt()), TokenPersistenceAdapter.instant(row.retiredAt())))
                .toList();
    }

    @Override
    public void insertSigningKey(SigningKey key) {
        session.write(jdbc -> jdbc.dao(SigningKeyDao.class, dao -> {
            dao.insert(key.keyId(), key.algorithm(), key.material(), key.createdAt().toEpochMilli(),
                    TokenPersistenceAdapter.millis(key.retiredAt()));
            return null;
        }));
    }

    @Override
    public void retireSigningKeysExcept(String keepKeyId, Instant at) {
        session.write(jdbc -> jdbc.dao(SigningKeyDao.class, dao -> {
            dao.retireAllBut(keepKeyId, at.toEpochMilli());
            return null;
        }));
    }

    @Override
    public void deleteSigningKeysRetiredBefore(Instant before) {
        session.write(jdbc -> jdbc.dao(SigningKeyDao.class, dao -> {
            dao.deleteRetiredBefore(before.toEpochMilli());
            return null;
        }));
    }
}
