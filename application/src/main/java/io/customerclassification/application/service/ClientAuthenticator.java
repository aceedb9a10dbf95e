package io.customerclassification.application.service;

import io.customerclassification.application.port.in.identity.ClientCredentials;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.identity.CountFailedAuthenticationsPort;
import io.customerclassification.application.port.out.identity.HashSecretPort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.FailedAuthentications;
import io.customerclassification.domain.identity.InvalidClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Client authentication by id and secret at the token endpoints: the throttle first, checked and the attempt counted
 * as a failure in one store transaction (so that a locked client id costs no hash, every instance throttles alike,
 * and concurrent guesses cannot all pass the check before any is counted), then one slow hash, the same for an
 * unknown client as for a known one (so that timing does not tell which ids exist); a right secret takes its
 * attempt back.
 */
final class ClientAuthenticator {

    private final LoadClientPort clients;
    private final CountFailedAuthenticationsPort failures;
    private final HashSecretPort hasher;
    private final TransactionPort transaction;
    private final Clock clock;
    private volatile String unknownClientHash;

    ClientAuthenticator(LoadClientPort clients, CountFailedAuthenticationsPort failures, HashSecretPort hasher,
            TransactionPort transaction, Clock clock) {
        this.clients = clients;
        this.failures = failures;
        this.hasher = hasher;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @throws io.customerclassification.domain.identity.TooManyFailedAuthenticationsException while the id is
     *     locked
     * @throws InvalidClientException when the id or the secret is wrong (a malformed id is not counted: it can
     *     never succeed)
     */
    StoredClient authenticate(ClientCredentials credentials) {
        if (credentials == null || !ClientId.isValid(credentials.clientId()) || credentials.secret() == null) {
            throw new InvalidClientException();
        }
        ClientId id = ClientId.of(credentials.clientId());
        countAttempt(id, clock.instant());
        Optional<StoredClient> stored = clients.loadClient(id);
        String hash = stored.map(StoredClient::secretHash).orElseGet(this::unknownClientHash);
        boolean matches = hasher.secretMatches(credentials.secret(), hash);
        if (!matches || stored.isEmpty()) {
            throw new InvalidClientException();
        }
        transaction.inTransaction(() -> failures.loadFailedAuthentications(id)
                .ifPresent(counter -> failures.saveFailedAuthentications(counter.afterSuccess())));
        return stored.get();
    }

    /** @throws io.customerclassification.domain.identity.TooManyFailedAuthenticationsException while locked */
    private void countAttempt(ClientId id, Instant now) {
        transaction.inTransaction(() -> {
            Optional<FailedAuthentications> counter = failures.loadFailedAuthentications(id);
            counter.ifPresent(current -> current.checkAttemptAt(now));
            failures.saveFailedAuthentications(counter.map(current -> current.afterFailureAt(now))
                    .orElseGet(() -> FailedAuthentications.firstAt(id, now)));
            failures.forgetFailedAuthenticationsStartedBefore(now.minus(FailedAuthentications.WINDOW));
        });
    }

    /**
     * The hash an unknown client's secret is checked against, so that it costs what a known client's does; the
     * outcome never admits anyone, whatever the secret.
     */
    private String unknownClientHash() {
        String hash = unknownClientHash;
        if (hash == null) {
            hash = hasher.hashSecret("no client has this secret");
            unknownClientHash = hash;
        }
        return hash;
    }
}
