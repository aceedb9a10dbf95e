package io.customerclassification.application.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wiring check of the in-memory application: the services run end to end over the in-memory ports. */
class InMemorySmokeTest {

    private static final Caller SYSTEM = Caller.system(null);

    @Test
    void createsFiltersAndRefusesDuplicateProfilesEndToEnd() {
        InMemoryApplication app = InMemoryApplication.create();
        for (String name : List.of("Gold", "Silver", "Bronze", "Golden Oldie")) {
            app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT,
                    Name.of(name), false));
        }
        assertThrows(DuplicateCustomerProfileNameException.class, () -> app.profiles()
                .createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT,
                        Name.of("gOLD"), false)));

        var page = app.profiles().listCustomerProfiles(new ListCustomerProfilesQuery(SYSTEM, CompanyId.DEFAULT,
                new Criteria(
                Comparison.ignoringCase(CustomerProfileField.NAME, Operator.LIKE, "gold%"),
                List.of(SortKey.desc(CustomerProfileField.NAME)),
                Paging.of(0, 10))));

        assertEquals(2, page.total());
        assertEquals(List.of("Golden Oldie", "Gold"), page.items().stream().map(p -> p.name().value()).toList());
    }
}
