package io.customerclassification.application.inmemory;

import io.customerclassification.application.port.out.identity.VerifyExternalTokenPort;
import io.customerclassification.application.service.AuthenticationService;
import io.customerclassification.application.service.ClientService;
import io.customerclassification.application.service.TokenLifetimes;
import io.customerclassification.application.service.TokenService;
import java.time.Clock;

/** The identity services wired over one {@link InMemoryIdentityStore} and {@link FakeCrypto}, for tests. */
public final class InMemoryIdentity {

    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final FakeCrypto crypto = new FakeCrypto();
    private final ClientService clients;
    private final TokenService tokens;
    private final AuthenticationService authentication;

    private InMemoryIdentity(Clock clock, TokenLifetimes lifetimes, VerifyExternalTokenPort external) {
        this.clients = new ClientService(new ClientService.Ports(store, store, store, store, store, store, store,
                store, store, crypto, crypto), clock);
        this.tokens = new TokenService(new TokenService.Ports(store, store, store, store, store, store, store, store,
                store, crypto, crypto, crypto), lifetimes, clock);
        this.authentication = new AuthenticationService(new AuthenticationService.Ports(store, store, store, store,
                store, store, crypto, crypto, external), lifetimes, clock);
    }

    public static InMemoryIdentity create(Clock clock) {
        return create(clock, TokenLifetimes.DEFAULT, null);
    }

    public static InMemoryIdentity create(Clock clock, TokenLifetimes lifetimes, VerifyExternalTokenPort external) {
        InMemoryIdentity identity = new InMemoryIdentity(clock, lifetimes, external);
        identity.tokens.ensureSigningKey();
        return identity;
    }

    public InMemoryIdentityStore store() {
        return store;
    }

    public FakeCrypto crypto() {
        return crypto;
    }

    public ClientService clients() {
        return clients;
    }

    public TokenService tokens() {
        return tokens;
    }

    public AuthenticationService authentication() {
        return authentication;
    }
}
