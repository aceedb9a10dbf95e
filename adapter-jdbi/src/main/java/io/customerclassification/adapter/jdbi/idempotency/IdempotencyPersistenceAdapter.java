package io.customerclassification.adapter.jdbi.idempotency;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.out.idempotency.LoadIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.SaveIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.StoredIdempotentRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The idempotency keys over SQL ({@link IdempotencyKeyDao}). An answer's headers are kept as text, one
 * {@code Name: value} line each: header names have no colon and values no line break.
 */
public final class IdempotencyPersistenceAdapter implements LoadIdempotentRequestPort, SaveIdempotentRequestPort {

    private final Session session;

    public IdempotencyPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public Optional<StoredIdempotentRequest> loadIdempotentRequest(String client, String key) {
        return session.read(jdbc -> jdbc.dao(IdempotencyKeyDao.class, dao -> dao.find(client, key)))
                .map(IdempotencyPersistenceAdapter::stored);
    }

    @Override
    public void claimIdempotentRequest(String client, String key, byte[] fingerprint, long claim, Instant claimedAt,
            Instant expiresAt) {
        session.write(jdbc -> jdbc.dao(IdempotencyKeyDao.class, dao -> {
            dao.claim(client, key, fingerprint, claim, claimedAt.toEpochMilli(), expiresAt.toEpochMilli());
            return null;
        }));
    }

    @Override
    public boolean recordIdempotentAnswer(String client, String key, long claim, RecordedAnswer answer) {
        return session.write(jdbc -> jdbc.dao(IdempotencyKeyDao.class, dao -> dao.answer(client, key, claim,
                answer.status(), headers(answer.headers()), answer.body()) == 1));
    }

    @Override
    public void releaseIdempotentRequest(String client, String key, long claim) {
        session.write(jdbc -> jdbc.dao(IdempotencyKeyDao.class, dao -> {
            dao.release(client, key, claim);
            return null;
        }));
    }

    @Override
    public int deleteExpiredIdempotentRequests(Instant now, int limit) {
        return session.write(jdbc -> jdbc.dao(IdempotencyKeyDao.class, dao -> dao.deleteExpired(now.toEpochMilli(),
                limit)));
    }

    private static StoredIdempotentRequest stored(IdempotencyKeyDao.KeyRow row) {
        RecordedAnswer answer = row.status() == null ? null
                : new RecordedAnswer(row.status(), headers(row.headers()), row.body() == null ? new byte[0] : row.body());
        return new StoredIdempotentRequest(row.requestHash(), row.claimToken(), Instant.ofEpochMilli(row.claimedAt()),
                Instant.ofEpochMilli(row.expiresAt()), answer);
    }

    private static String headers(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> {
            if (name.indexOf(':') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("not a header: " + name);
            }
            text.append(name).append(": ").append(value).append('\n');
        });
        return text.toString();
    }

    private static Map<String, String> headers(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }
}
