package io.customerclassification.adapter.jdbi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.idempotency.IdempotencyPersistenceAdapter;
import io.customerclassification.adapter.jdbi.identity.IdentityStores;
import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.out.identity.StoredApiKey;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StoreCopy} between the two databases, both ways: every company, profile and type arrives with its key,
 * names, flags, audit, parent and stored height; the target's counters continue past every key the source handed
 * out (deleted rows' included); API clients arrive with their grants and keys; and a target that holds records is
 * refused untouched.
 */
class StoreCopyTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final CompanyId ACME = CompanyId.of(7);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"SQLITE, POSTGRESQL", "POSTGRESQL, SQLITE", "SQLITE, SQLITE"})
    void everyRecordArrivesWithItsKeyAndNoKeyIsHandedOutTwice(StoreKind fromKind, StoreKind toKind) {
        try (SqlStore from = fromKind.open(folder.resolve("from"));
                SqlStore to = toKind.open(folder.resolve("to"))) {
            PortSet source = StorePorts.of(from.stores());
            PortSet target = StorePorts.of(to.stores());
            seed(source, new Random(19));
            IdentityStores identity = from.stores().identity();
            Client reporting = new Client(ClientId.of("reporting"), false, List.of(
                    new Grant(ACME, Resource.CUSTOMER_TYPE, Set.of(Permission.LIST, Permission.VIEW)),
                    new Grant(null, Resource.CUSTOMER_PROFILE, Set.of(Permission.LIST))));
            identity.clients().insertClient(new StoredClient(reporting, "$argon2id$hash-of-reporting"));
            identity.clients().insertClient(new StoredClient(new Client(ClientId.of("admin"), true, List.of()),
                    "$argon2id$hash-of-admin"));
            StoredApiKey key = new StoredApiKey("key-1", reporting.id(), "$argon2id$hash-of-key",
                    Instant.ofEpochMilli(1_700_000_000_123L));
            identity.apiKeys().insertApiKey(key);
            IdempotencyPersistenceAdapter keys = from.stores().idempotency();
            Instant claimed = Instant.ofEpochMilli(1_700_000_000_456L);
            keys.claimIdempotentRequest("client:reporting", "answered", new byte[] {1, 2, 3}, 41, claimed,
                    claimed.plusSeconds(86_400));
            keys.recordIdempotentAnswer("client:reporting", "answered", 41, new RecordedAnswer(201,
                    Map.of("Location", "/x/1", "Content-Type", "application/json"), "{\"ID\":1}".getBytes(UTF_8)));
            keys.claimIdempotentRequest("", "running", new byte[] {9}, 42, claimed, claimed.plusSeconds(86_400));

            StoreCopy.Counts counts = StoreCopy.copy(from, to);

            assertEquals(new StoreCopy.Counts(1, 230, 300, 2, 2), counts);
            for (String[] copiedKey : new String[][] {{"client:reporting", "answered"}, {"", "running"}}) {
                assertEquals(keys.loadIdempotentRequest(copiedKey[0], copiedKey[1]),
                        to.stores().idempotency().loadIdempotentRequest(copiedKey[0], copiedKey[1]),
                        "idempotency key " + copiedKey[1]);
            }
            assertTrue(to.stores().idempotency().loadIdempotentRequest("client:reporting", "answered").orElseThrow()
                    .firstAnswer().isPresent());
            IdentityStores copied = to.stores().identity();
            assertEquals(identity.clients().loadClient(reporting.id()), copied.clients().loadClient(reporting.id()));
            assertEquals(identity.clients().loadAllClients(), copied.clients().loadAllClients());
            assertEquals(List.of(key), copied.apiKeys().loadApiKeys(reporting.id()));
            assertEquals(source.loadCompany().loadAllCompanies(), target.loadCompany().loadAllCompanies());
            for (CompanyId company : List.of(C0, ACME)) {
                Criteria all = Criteria.all(Paging.of(0, 4_000));
                assertEquals(source.findProfiles().findCustomerProfiles(company, all),
                        target.findProfiles().findCustomerProfiles(company, all), "profiles of " + company);
                List<CustomerType> types = source.findTypes().findCustomerTypes(company, all).items().stream()
                        .map(view -> view.type()).toList();
                assertEquals(source.findTypes().findCustomerTypes(company, all),
                        target.findTypes().findCustomerTypes(company, all), "types of " + company);
                for (CustomerType type : types) {
                    assertEquals(source.subtree().measureSubtreeHeight(company, type.key()),
                            target.subtree().measureSubtreeHeight(company, type.key()), "height of " + type.key());
                }
            }
            long copiedVersion = changeVersion(to, "customer_profile", C0);
            assertTrue(copiedVersion > 0, "the copied profiles are at a change version of their own");
            CustomerProfile next = target.saveProfile().insertCustomerProfile(
                    new CustomerProfileDraft(C0, Name.of("After the copy"), false));
            assertEquals(251, next.id().value(), "250 ids were handed out by the source, the last 20 since deleted");
            assertTrue(changeVersion(to, "customer_profile", C0) > copiedVersion,
                    "a write after the copy moves the change version: its upkeep is on again");
            CustomerType nextType = target.saveType().insertCustomerType(new CustomerTypeDraft(C0,
                    Name.of("After the copy"), CustomerTypeStatus.ACTIVE, null, Audit.created(Instant.EPOCH, "t")));
            assertTrue(nextType.key().value() > 300, "a new type key: " + nextType.key());

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> StoreCopy.copy(from, to));
            assertEquals("the target store already holds records, API clients or idempotency keys: copy into an empty store",
                    refused.getMessage());
            assertEquals(231, target.findProfiles().findCustomerProfiles(C0, Criteria.all(Paging.of(0, 1))).total()
                    + target.findProfiles().findCustomerProfiles(ACME, Criteria.all(Paging.of(0, 1))).total(),
                    "nothing was written by the refused copy");
        }
    }

    private static long changeVersion(SqlStore store, String table, CompanyId company) {
        return store.stores().session().read(jdbc -> store.stores().session().changeVersion(jdbc, table,
                company.value()));
    }

    /**
     * 250 profiles over two companies, the last 20 deleted; 300 types in two companies, a third of them moved under
     * a type created after them, some inactive.
     */
    private static void seed(PortSet ports, Random random) {
        ports.saveCompany().insertCompany(new Company(ACME, Name.of("Acme Ltd")));
        List<CustomerProfile> profiles = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            profiles.add(ports.saveProfile().insertCustomerProfile(new CustomerProfileDraft(i % 3 == 0 ? ACME : C0,
                    Name.of("Profile " + i + (i % 7 == 0 ? " Straße" : "")), random.nextBoolean())));
        }
        for (CustomerProfile deleted : profiles.subList(230, 250)) {
            ports.deleteProfile().deleteCustomerProfile(deleted.companyId(), deleted.id());
        }
        List<CustomerType> types = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CompanyId company = i % 4 == 0 ? ACME : C0;
            List<CustomerType> same = types.stream().filter(t -> t.companyId().equals(company)).toList();
            CustomerType parent = same.isEmpty() || random.nextInt(3) == 0 ? null : same.get(random.nextInt(same.size()));
            boolean active = parent == null || parent.isActive() ? random.nextInt(5) != 0 : false;
            types.add(ports.saveType().insertCustomerType(new CustomerTypeDraft(company, Name.of("Type " + i),
                    active ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE,
                    parent == null ? null : parent.key(),
                    new Audit(Instant.ofEpochSecond(1_700_000_000L + i), "creator " + i % 5,
                            Instant.ofEpochSecond(1_700_000_500L + i), i % 2 == 0 ? null : "editor"))));
        }
        for (int i = 0; i < 100; i++) { // a root moved under a type created after it, in its company
            CustomerType root = types.get(i);
            if (root.parentKey() != null || !root.isActive()) {
                continue;
            }
            for (CustomerType later : types.subList(200, 300)) {
                if (later.companyId().equals(root.companyId()) && later.parentKey() == null && later.isActive()) {
                    ports.saveType().updateCustomerType(new CustomerType(root.key(), root.companyId(), root.name(),
                            root.status(), later.key(), root.audit(), root.version()));
                    break;
                }
            }
        }
    }
}
