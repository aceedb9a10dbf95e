package io.customerclassification.application.service;

import io.customerclassification.application.inmemory.InMemoryIdentity;
import io.customerclassification.application.inmemory.MovableClock;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.ClientCredentials;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.port.in.identity.IssueTokenCommand;
import io.customerclassification.application.port.in.identity.IssuedTokens;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An in-memory identity with a movable clock, and the steps the identity service tests share. */
class IdentityFixtures {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final CompanyId ONE = CompanyId.of(1);
    static final List<Grant> VIEW_TYPES_OF_ONE =
            List.of(Grant.on(ONE, Resource.CUSTOMER_TYPE, Set.of(Permission.LIST, Permission.VIEW)));

    final MovableClock clock = new MovableClock(START);
    final InMemoryIdentity identity = InMemoryIdentity.create(clock);

    ClientWithSecret client(String id, boolean admin, List<Grant> grants) {
        return identity.clients().createClient(
                new CreateClientCommand(Caller.system(null), ClientId.of(id), admin, grants));
    }

    static ClientCredentials credentials(ClientWithSecret client) {
        return new ClientCredentials(client.client().id().value(), client.secret());
    }

    IssuedTokens token(ClientWithSecret client) {
        return identity.tokens().issueToken(new IssueTokenCommand(credentials(client), null, null));
    }

    Caller authenticate(String credential) {
        return identity.authentication().authenticate(credential);
    }
}
