package io.customerclassification.application.inmemory;

import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.service.CompanyService;
import io.customerclassification.application.service.CustomerProfileService;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.application.service.IdempotencyService;
import java.time.Clock;

/** The application's services wired over one {@link InMemoryPersistence}, for tests of any layer. */
public final class InMemoryApplication {

    private final InMemoryPersistence persistence;
    private final CompanyService companies;
    private final CustomerProfileService profiles;
    private final CustomerTypeService types;
    private final IdempotencyService idempotency;

    private InMemoryApplication(InMemoryPersistence persistence, Clock clock) {
        this.persistence = persistence;
        PortSet ports = PortSet.of(persistence);
        this.companies = ports.companyService();
        this.profiles = ports.profileService();
        this.types = ports.typeService(clock);
        this.idempotency = ports.idempotencyService(clock);
    }

    public static InMemoryApplication create(Clock clock) {
        return new InMemoryApplication(new InMemoryPersistence(), clock);
    }

    public static InMemoryApplication create() {
        return create(Clock.systemUTC());
    }

    public InMemoryPersistence persistence() {
        return persistence;
    }

    public CompanyService companies() {
        return companies;
    }

    public CustomerProfileService profiles() {
        return profiles;
    }

    public CustomerTypeService types() {
        return types;
    }

    public IdempotencyService idempotency() {
        return idempotency;
    }
}
