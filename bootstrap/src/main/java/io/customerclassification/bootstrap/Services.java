package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.Stores;
import io.customerclassification.application.service.CompanyService;
import io.customerclassification.application.service.CustomerProfileService;
import io.customerclassification.application.service.CustomerTypeService;
import java.time.Clock;

/**
 * The application's services over one database's stores: what the embedded entry point forwards to and what the
 * HTTP dialects drive.
 */
record Services(CompanyService companies, CustomerProfileService profiles, CustomerTypeService types) {

    static Services over(Stores stores, Clock clock) {
        return new Services(
                new CompanyService(stores.companies(), stores.companies(), stores.transactions()),
                new CustomerProfileService(CustomerProfileService.Ports.of(
                        stores.companies(), stores.customerProfiles(), stores.transactions())),
                new CustomerTypeService(CustomerTypeService.Ports.of(
                        stores.companies(), stores.customerTypes(), stores.customerTypeHierarchy(),
                        stores.transactions()), clock));
    }
}
