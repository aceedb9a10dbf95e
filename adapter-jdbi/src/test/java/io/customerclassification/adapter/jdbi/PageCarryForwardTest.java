package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.page.PageIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.inmemory.InMemoryPersistence;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page entries carried past writes ({@link PageIndex#carryForward}) against the in-memory reference: a fixed set
 * of filters and orders, each read at random depths after every one of 600 random writes (inserts, updates,
 * deletes, several in one transaction, and transactions that roll back), so that entries are reused across
 * versions. Every result is remembered and checkpointed every 4 rows, so the carried totals and checkpoints are
 * what answers.
 */
class PageCarryForwardTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    private static final List<Criteria> PROFILE_SHAPES = List.of(
            Criteria.all(Paging.of(0, 1)),
            new Criteria(Filter.all(), List.of(SortKey.asc(CustomerProfileField.ID)), Paging.of(0, 1)),
            new Criteria(Filter.all(), List.of(SortKey.desc(CustomerProfileField.ID)), Paging.of(0, 1)),
            new Criteria(Filter.all(), List.of(SortKey.asc(CustomerProfileField.NAME)), Paging.of(0, 1)),
            new Criteria(Comparison.of(CustomerProfileField.ARCHIVED, Operator.EQ, false), List.of(), Paging.of(0, 1)),
            new Criteria(Comparison.of(CustomerProfileField.NAME, Operator.GE, "P 05"),
                    List.of(SortKey.desc(CustomerProfileField.NAME)), Paging.of(0, 1)));

    private static final List<Criteria> TYPE_SHAPES = List.of(
            Criteria.all(Paging.of(0, 1)),
            new Criteria(Filter.all(), List.of(SortKey.asc(CustomerTypeField.NAME)), Paging.of(0, 1)),
            new Criteria(Filter.all(), List.of(SortKey.desc(CustomerTypeField.MODIFIED_AT)), Paging.of(0, 1)),
            new Criteria(Comparison.of(CustomerTypeField.STATUS, Operator.EQ, "active"), List.of(), Paging.of(0, 1)),
            new Criteria(Comparison.of(CustomerTypeField.PARENT_KEY, Operator.EQ, 1L), List.of(), Paging.of(0, 1)),
            new Criteria(Comparison.of(CustomerTypeField.PARENT_NAME, Operator.GE, "T 02"), List.of(), Paging.of(0, 1)));

    @TempDir
    Path folder;

    private int names;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void carriedTotalsAndCheckpointsAnswerExactlyAfterEveryWrite(StoreKind kind) {
        Random random = new Random(20261202L);
        try (SqlStore database = kind.open(folder, new PageIndex(4, 64, 0, 0))) {
            PortSet sql = StorePorts.of(database.stores());
            PortSet memory = PortSet.of(new InMemoryPersistence(kind.keysSurviveRollback()));
            for (int i = 0; i < 60; i++) {
                boolean archived = random.nextBoolean();
                both(memory, sql, ports -> insertProfile(ports, archived));
            }
            for (int i = 0; i < 60; i++) {
                long parent = i == 0 || random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(i);
                both(memory, sql, ports -> insertType(ports, parent));
            }
            int rolledBack = 0;
            for (int step = 0; step < 600; step++) {
                Consumer<PortSet> write = randomWrite(random, memory);
                boolean rollBack = random.nextInt(12) == 0;
                if (rollBack) {
                    for (PortSet ports : List.of(memory, sql)) {
                        int before = names;
                        assertThrows(IllegalStateException.class, () -> ports.transaction().inTransaction(() -> {
                            write.accept(ports);
                            throw new IllegalStateException("rolled back");
                        }));
                        names = before;
                    }
                    rolledBack++;
                } else if (random.nextInt(8) == 0) { // several changes in one transaction
                    Consumer<PortSet> second = randomWrite(random, memory);
                    for (PortSet ports : List.of(memory, sql)) {
                        int before = names;
                        ports.transaction().inTransaction(() -> {
                            write.accept(ports);
                            second.accept(ports);
                        });
                        if (ports == memory) {
                            names = before;
                        }
                    }
                } else {
                    both(memory, sql, write);
                }
                assertPagesAgree(random, memory, sql, "after step " + step);
            }
            assertTrue(rolledBack > 20, "rolled back " + rolledBack);
        }
    }

    /** Runs the write on both stores with the same generated names. */
    private void both(PortSet memory, PortSet sql, Consumer<PortSet> write) {
        int before = names;
        write.accept(memory);
        names = before;
        write.accept(sql);
    }

    private Consumer<PortSet> randomWrite(Random random, PortSet reference) {
        List<CustomerProfile> profiles = reference.findProfiles().findCustomerProfiles(C0, Criteria.all(Paging.of(0, 1000))).items();
        List<CustomerType> types = reference.findTypes().findCustomerTypes(C0, Criteria.all(Paging.of(0, 1000))).items()
                .stream().map(view -> view.type()).toList();
        CustomerProfile profile = profiles.isEmpty() ? null : profiles.get(random.nextInt(profiles.size()));
        CustomerType type = types.isEmpty() ? null : types.get(random.nextInt(types.size()));
        int dice = random.nextInt(100);
        if (dice < 20 || profile == null) {
            boolean archived = random.nextBoolean();
            return ports -> insertProfile(ports, archived);
        } else if (dice < 35) {
            CustomerProfile changed = profile.archived() ? profile.unarchive() : profile.archive();
            return ports -> ports.saveProfile().updateCustomerProfile(changed);
        } else if (dice < 42) {
            CustomerProfile renamed = profile.rename(Name.of("R " + names++));
            return ports -> ports.saveProfile().updateCustomerProfile(renamed);
        } else if (dice < 50) {
            CustomerProfileId id = profile.id();
            return ports -> ports.deleteProfile().deleteCustomerProfile(C0, id);
        } else if (dice < 70 || type == null) {
            long parent = type == null || random.nextInt(5) == 0 ? 0 : type.key().value();
            return ports -> insertType(ports, parent);
        } else if (dice < 82) {
            CustomerType flipped = type.withStatus(type.status() == CustomerTypeStatus.ACTIVE
                    ? CustomerTypeStatus.INACTIVE : CustomerTypeStatus.ACTIVE, T0.plusSeconds(random.nextInt(100)), "x");
            return ports -> ports.saveType().updateCustomerType(flipped);
        } else if (dice < 92) {
            CustomerType target = types.get(random.nextInt(types.size()));
            boolean underItself = target.key().equals(type.key()) || reference.ancestors()
                    .loadAncestors(C0, target.key()).stream().anyMatch(a -> a.key().equals(type.key()));
            CustomerType moved = type.moveTo(underItself ? null : target.key(), T0.plusSeconds(random.nextInt(100)), "y");
            return ports -> ports.saveType().updateCustomerType(moved);
        } else {
            boolean leaf = reference.children().loadChildren(C0, type.key()).isEmpty();
            CustomerTypeKey key = type.key();
            return leaf ? ports -> ports.deleteType().deleteCustomerType(C0, key) : ports -> insertType(ports, 0);
        }
    }

    private void insertProfile(PortSet ports, boolean archived) {
        ports.saveProfile().insertCustomerProfile(
                new CustomerProfileDraft(C0, Name.of(String.format("P %02d", names++ % 100) + " " + names), archived));
    }

    private void insertType(PortSet ports, long parent) {
        ports.saveType().insertCustomerType(new CustomerTypeDraft(C0, Name.of(String.format("T %02d", names++ % 100)
                + " " + names), CustomerTypeStatus.ACTIVE, parent == 0 ? null : CustomerTypeKey.of(parent),
                Audit.created(T0, "z")));
    }

    private static void assertPagesAgree(Random random, PortSet memory, PortSet sql, String when) {
        assertShapesAgree(random, PROFILE_SHAPES, (ports, page) -> ports.findProfiles().findCustomerProfiles(C0, page),
                memory, sql, when);
        assertShapesAgree(random, TYPE_SHAPES, (ports, page) -> ports.findTypes().findCustomerTypes(C0, page),
                memory, sql, when);
    }

    private static void assertShapesAgree(Random random, List<Criteria> shapes, BiFunction<PortSet, Criteria, Page<?>> find,
            PortSet memory, PortSet sql, String when) {
        for (Criteria shape : shapes) {
            long total = find.apply(memory, shape).total();
            for (int k = 0; k < 2; k++) {
                Criteria page = new Criteria(shape.filter(), shape.sort(),
                        Paging.of(random.nextInt((int) total + 3), 1 + random.nextInt(6)));
                assertEquals(find.apply(memory, page), find.apply(sql, page), when + ": " + page);
            }
        }
    }
}
