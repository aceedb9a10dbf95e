package io.customerclassification.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.company.Company;
import org.junit.jupiter.api.Test;

/** {@code TransactionPort}: all or nothing, and nested work joins the outer transaction. */
public abstract class TransactionPortContract extends PortContract {

    @Test
    void workThatThrowsLeavesNothingBehind() {
        assertThrows(IllegalStateException.class, () -> ports.transaction().inTransaction(() -> {
            profile(C0, "Gold");
            ports.saveCompany().insertCompany(new Company(CompanyId.of(5), Name.of("Five")));
            throw new IllegalStateException("abort");
        }));
        assertTrue(ports.profileNameTaken().isCustomerProfileNameTaken(C0, Name.of("Gold"), null) == false);
        assertTrue(ports.loadCompany().loadCompany(CompanyId.of(5)).isEmpty());
    }

    @Test
    void committedWorkIsVisibleAndNestedWorkJoins() {
        CustomerProfile gold = ports.transaction().inTransaction(() ->
                ports.transaction().inTransaction(() -> profile(C0, "Gold")));
        assertEquals(gold, ports.loadProfile().loadCustomerProfile(C0, gold.id()).orElseThrow());
        assertThrows(IllegalStateException.class, () -> ports.transaction().inTransaction(() -> {
            ports.transaction().inTransaction(() -> profile(C0, "Silver"));
            throw new IllegalStateException("outer fails after inner succeeded");
        }));
        assertTrue(!ports.profileNameTaken().isCustomerProfileNameTaken(C0, Name.of("Silver"), null),
                "the inner work rolled back with the outer");
    }

    @Test
    void workSeesItsOwnWrites() {
        ports.transaction().inTransaction(() -> {
            CustomerProfile gold = profile(C0, "Gold");
            assertEquals(gold, ports.loadProfile().loadCustomerProfile(C0, gold.id()).orElseThrow());
            assertTrue(ports.profileNameTaken().isCustomerProfileNameTaken(C0, Name.of("GOLD"), null));
        });
    }
}
