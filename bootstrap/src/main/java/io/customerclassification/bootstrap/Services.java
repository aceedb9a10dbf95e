package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.Stores;
import io.customerclassification.adapter.jdbi.identity.IdentityStores;
import io.customerclassification.application.service.AuthenticationService;
import io.customerclassification.application.service.ClientService;
import io.customerclassification.application.service.CompanyService;
import io.customerclassification.application.service.CustomerProfileService;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.application.service.IdempotencyService;
import io.customerclassification.application.service.TokenLifetimes;
import io.customerclassification.application.service.TokenService;
import java.time.Clock;

/**
 * The application's services over one database's stores: what the embedded entry point forwards to and what the
 * HTTP dialects drive.
 */
record Services(CompanyService companies, CustomerProfileService profiles, CustomerTypeService types,
        IdempotencyService idempotency, ClientService clients, TokenService tokens,
        AuthenticationService authentication) {

    static Services over(Stores stores, Security security, Clock clock) {
        IdentityStores identity = stores.identity();
        return new Services(
                new CompanyService(stores.companies(), stores.companies(), stores.transactions()),
                new CustomerProfileService(CustomerProfileService.Ports.of(
                        stores.companies(), stores.customerProfiles(), stores.transactions())),
                new CustomerTypeService(CustomerTypeService.Ports.of(
                        stores.companies(), stores.customerTypes(), stores.customerTypeHierarchy(),
                        stores.transactions()), clock),
                new IdempotencyService(IdempotencyService.Ports.of(stores.idempotency(), stores.transactions()), clock),
                new ClientService(ClientService.Ports.of(identity.clients(), identity.apiKeys(), identity.tokens(),
                        identity.changes(), stores.transactions(), security.hasher(), security.generator()), clock),
                new TokenService(TokenService.Ports.of(identity.clients(), identity.failedAuthentications(),
                        identity.tokens(), identity.signingKeys(), identity.changes(), stores.transactions(),
                        security.hasher(), security.generator(), security.codec()), TokenLifetimes.DEFAULT, clock),
                new AuthenticationService(AuthenticationService.Ports.of(identity.clients(), identity.apiKeys(),
                        identity.tokens(), identity.signingKeys(), identity.changes(), security.hasher(),
                        security.codec(), security.external()), TokenLifetimes.DEFAULT, clock));
    }
}
