package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.identity.CountFailedAuthenticationsPort;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.FailedAuthentications;
import java.time.Instant;
import java.util.Optional;

/** The failed-authentication counters over SQL ({@link FailedAuthenticationDao}), shared by every instance. */
public final class FailedAuthenticationPersistenceAdapter implements CountFailedAuthenticationsPort {

    private final Session session;

    public FailedAuthenticationPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public Optional<FailedAuthentications> loadFailedAuthentications(ClientId clientId) {
        return session.read(jdbc -> jdbc.dao(FailedAuthenticationDao.class, dao -> dao.of(clientId.value())))
                .map(row -> new FailedAuthentications(ClientId.of(row.clientId()),
                        Instant.ofEpochMilli(row.windowStart()), row.failures()));
    }

    @Override
    public void saveFailedAuthentications(FailedAuthentications failures) {
        session.write(jdbc -> jdbc.dao(FailedAuthenticationDao.class, dao -> {
            dao.save(failures.clientId().value(), failures.windowStart().toEpochMilli(), failures.failures());
            return null;
        }));
    }

    @Override
    public void forgetFailedAuthenticationsStartedBefore(Instant before) {
        session.write(jdbc -> jdbc.dao(FailedAuthenticationDao.class, dao -> {
            dao.forgetStartedBefore(before.toEpochMilli());
            return null;
        }));
    }
}
