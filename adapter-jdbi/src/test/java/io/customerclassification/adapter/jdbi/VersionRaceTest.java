package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.ParentChange;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.service.CustomerProfileService;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.StaleVersionException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers that read the same version race a change each, based on that version (an HTTP {@code If-Match}),
 * through the real services over each store (SQLite and PostgreSQL): exactly one wins and the other is refused as
 * stale, round after round, because the version is checked and the change written in one transaction.
 */
class VersionRaceTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final int ROUNDS = 40;

    @TempDir
    Path folder;

    private SqlStore database;
    private CustomerProfileService profiles;
    private CustomerTypeService types;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private void open(StoreKind store) {
        database = store.open(folder);
        PortSet ports = StorePorts.of(database.stores());
        profiles = ports.profileService();
        types = ports.typeService(Clock.systemUTC());
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        if (database != null) {
            database.close();
        }
    }

    /** Runs both changes at once; @return how many of them were refused as stale (the others won). */
    private int race(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (Runnable change : List.of(first, second)) {
            outcomes.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    change.run();
                    return false;
                } catch (StaleVersionException e) {
                    return true;
                }
            }));
        }
        int stale = 0;
        for (Future<Boolean> outcome : outcomes) {
            stale += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        return stale;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ofTwoRenamesBasedOnOneVersionExactlyOneWins(StoreKind store) throws Exception {
        open(store);
        CustomerProfile profile = profiles.createCustomerProfile(
                new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Start"), false));
        for (int round = 0; round < ROUNDS; round++) {
            long read = profiles.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, C0, profile.id())).version();
            Name left = Name.of("Left " + round);
            Name right = Name.of("Right " + round);
            int stale = race(
                    () -> profiles.updateCustomerProfile(new UpdateCustomerProfileCommand(SYSTEM, C0, profile.id(), left, null,
                            read)),
                    () -> profiles.updateCustomerProfile(new UpdateCustomerProfileCommand(SYSTEM, C0, profile.id(), right,
                            null, read)));
            CustomerProfile stored = profiles.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, C0, profile.id()));
            assertEquals(1, stale, "round " + round + ": exactly one of the two is refused");
            assertEquals(read + 1, stored.version(), "round " + round + ": one change was written");
            assertTrue(stored.name().equals(left) || stored.name().equals(right), stored.name().value());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ofADeleteAndAnArchiveBasedOnOneVersionExactlyOneWins(StoreKind store) throws Exception {
        open(store);
        for (int round = 0; round < ROUNDS; round++) {
            CustomerProfile profile = profiles.createCustomerProfile(
                    new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Doomed " + round), false));
            long read = profile.version();
            int stale = race(
                    () -> profiles.deleteCustomerProfile(new DeleteCustomerProfileCommand(SYSTEM, C0, profile.id(), read)),
                    () -> {
                        try {
                            profiles.updateCustomerProfile(new UpdateCustomerProfileCommand(SYSTEM, C0, profile.id(), null,
                                    true, read));
                        } catch (CustomerProfileNotFoundException e) { // deleted first: refused, as stale as can be
                            throw new StaleVersionException("customer profile", profile.id().value(), read, 0);
                        }
                    });
            assertEquals(1, stale, "round " + round + ": exactly one of the two is refused");
            Optional<CustomerProfile> stored = database.stores().customerProfiles().loadCustomerProfile(C0,
                    profile.id());
            stored.ifPresent(archived -> {
                assertTrue(archived.archived(), "the archive won, so it was written");
                assertEquals(read + 1, archived.version());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ofAMoveAndADeactivationBasedOnOneVersionExactlyOneWins(StoreKind store) throws Exception {
        open(store);
        CustomerType left = types.createCustomerType(
                new CreateCustomerTypeCommand(SYSTEM, C0, Name.of("Left"), CustomerTypeStatus.ACTIVE, null)).type();
        CustomerType right = types.createCustomerType(
                new CreateCustomerTypeCommand(SYSTEM, C0, Name.of("Right"), CustomerTypeStatus.ACTIVE, null)).type();
        CustomerTypeKey leaf = types.createCustomerType(new CreateCustomerTypeCommand(SYSTEM, C0, Name.of("Leaf"),
                CustomerTypeStatus.ACTIVE, ParentReference.byKey(left.key()))).type().key();
        for (int round = 0; round < ROUNDS; round++) {
            CustomerType read = types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, leaf)).type();
            CustomerTypeKey other = read.parentKey().equals(left.key()) ? right.key() : left.key();
            CustomerTypeStatus flipped = read.isActive() ? CustomerTypeStatus.INACTIVE : CustomerTypeStatus.ACTIVE;
            int stale = race(
                    () -> types.updateCustomerType(new UpdateCustomerTypeCommand(SYSTEM, C0, leaf, null,
                            ParentChange.to(ParentReference.byKey(other)), read.version())),
                    () -> types.updateCustomerType(new UpdateCustomerTypeCommand(SYSTEM, C0, leaf, flipped, null,
                            read.version())));
            CustomerType stored = types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, leaf)).type();
            assertEquals(1, stale, "round " + round + ": exactly one of the two is refused");
            assertEquals(read.version() + 1, stored.version());
            boolean moved = !stored.parentKey().equals(read.parentKey());
            boolean flippedIt = stored.status() != read.status();
            assertTrue(moved != flippedIt, "round " + round + ": exactly one change is stored");
        }
        assertFalse(types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, left.key())).type().version() > 1,
                "moving a child in or out leaves the parent's own version alone");
    }
}
