package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.page.QueryCompiler;
import io.customerclassification.adapter.jdbi.page.PageIndex;
import io.customerclassification.application.contract.PortSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.application.inmemory.InMemoryPersistence;
import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.QueryField;
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
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL compiler against the reference evaluator: thousands of generated criteria over generated data must
 * give the same records in the same order, the same totals and the same aggregates. Seeded: a failure names
 * its seed, and {@code -Ddifferential.seed=N} replays it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryDifferential {

    private static final long SEED = Long.getLong("differential.seed", 20261122L);
    private static final CompanyId COMPANY = CompanyId.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Pieces names are built from: case variants, non-ASCII, non-BMP, and the metacharacters of LIKE and SQL. */
    private static final String[] PIECES = {"gold", "Gold", "GOLD", "silver", "é", "É", "e\u0301", "ß", "SS", "ss",
        "%", "_", "\\", "'", "\"", ";", "--", "a", "B", "z", " ", "İ", "ı", "\uD83D\uDE00", "\uFF21", "Ω", "0", "9"};
    private static final String[] USERS = {"alice", "Alice", "ALICE", "bob", "b%b", "b_b", "é"};

    private SqlStore database;

    /** The database the SQL side runs on. */
    protected abstract StoreKind kind();

    /**
     * Generated criteria per aggregate ({@code -Ddifferential.count=N}): 2000, and 1000 over PostgreSQL, where each
     * query is a round trip to another process and the run would otherwise take over a minute.
     */
    private int criteriaPerAggregate() {
        return Integer.getInteger("differential.count", kind() == StoreKind.POSTGRESQL ? 1000 : 2000);
    }
    private PortSet sql;
    private InMemoryPersistence memory;
    private final List<String> profileNames = new ArrayList<>();
    private final List<String> typeNames = new ArrayList<>();

    @BeforeAll
    void seedBothStores(@TempDir Path folder) {
        // A checkpoint every 4 rows, every result remembered: deep pages go through the seek path all the time.
        database = kind().open(folder, new PageIndex(4, 64, 0, 0));
        sql = StorePorts.of(database.stores());
        memory = new InMemoryPersistence();
        Random random = new Random(SEED);
        while (profileNames.size() < 150) {
            String name = randomName(random);
            try {
                CustomerProfileDraft draft = new CustomerProfileDraft(COMPANY, Name.of(name), random.nextBoolean());
                if (memory.isCustomerProfileNameTaken(COMPANY, draft.name(), null)) {
                    continue;
                }
                assertEquals(memory.insertCustomerProfile(draft), sql.saveProfile().insertCustomerProfile(draft));
                profileNames.add(draft.name().value());
            } catch (InvalidNameException e) {
                // generated names with surrounding spaces are not names: skip them
            }
        }
        while (typeNames.size() < 200) {
            String name = randomName(random);
            try {
                Name typeName = Name.of(name);
                if (memory.isCustomerTypeNameTaken(COMPANY, typeName)) {
                    continue;
                }
                CustomerTypeKey parent = typeNames.isEmpty() || random.nextInt(3) == 0
                        ? null : CustomerTypeKey.of(1 + random.nextInt(typeNames.size()));
                Instant created = T0.plusSeconds(random.nextInt(5) * 3600L);
                Instant modified = created.plusSeconds(random.nextInt(3) * 60L);
                CustomerTypeDraft draft = new CustomerTypeDraft(COMPANY, typeName,
                        random.nextInt(3) == 0 ? CustomerTypeStatus.INACTIVE : CustomerTypeStatus.ACTIVE, parent,
                        new Audit(created, randomUser(random), modified, randomUser(random)));
                assertEquals(memory.insertCustomerType(draft), sql.saveType().insertCustomerType(draft));
                typeNames.add(typeName.value());
            } catch (InvalidNameException e) {
                // skip
            }
        }
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void customerProfileQueriesAgree() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < criteriaPerAggregate(); i++) {
            Criteria criteria = randomCriteria(random, CustomerProfileField.CATALOGUE.fields(), profileNames);
            var expected = memory.findCustomerProfiles(COMPANY, criteria);
            var actual = sql.findProfiles().findCustomerProfiles(COMPANY, criteria);
            assertEquals(expected, actual, "seed " + SEED + ", profile case " + i + ": " + criteria);
        }
    }

    @Test
    void customerTypeQueriesAgree() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < criteriaPerAggregate(); i++) {
            Criteria criteria = randomCriteria(random, CustomerTypeField.CATALOGUE.fields(), typeNames);
            var expected = memory.findCustomerTypes(COMPANY, criteria);
            var actual = sql.findTypes().findCustomerTypes(COMPANY, criteria);
            assertEquals(expected, actual, "seed " + SEED + ", type case " + i + ": " + criteria);
        }
    }

    @Test
    void queriesAgreeWhileTheDataChanges() {
        Random random = new Random(SEED + 4);
        for (int i = 0; i < criteriaPerAggregate() / 4; i++) {
            int pick = 1 + random.nextInt(profileNames.size());
            CustomerProfileId id = CustomerProfileId.of(pick);
            var current = memory.loadCustomerProfile(COMPANY, id);
            if (current.isPresent()) {
                CustomerProfile changed = current.get().archived() ? current.get().unarchive() : current.get().archive();
                memory.updateCustomerProfile(changed);
                sql.saveProfile().updateCustomerProfile(changed);
            }
            if (random.nextInt(10) == 0) {
                assertEquals(memory.deleteCustomerProfile(COMPANY, id), sql.deleteProfile().deleteCustomerProfile(COMPANY, id));
            }
            CustomerTypeKey key = CustomerTypeKey.of(1 + random.nextInt(typeNames.size()));
            var type = memory.loadCustomerType(COMPANY, key).orElseThrow();
            CustomerType flipped = type.withStatus(type.status() == CustomerTypeStatus.ACTIVE
                    ? CustomerTypeStatus.INACTIVE : CustomerTypeStatus.ACTIVE, T0.plusSeconds(i), "changer");
            memory.updateCustomerType(flipped);
            sql.saveType().updateCustomerType(flipped);
            for (int k = 0; k < 3; k++) {
                Criteria profiles = randomCriteria(random, CustomerProfileField.CATALOGUE.fields(), profileNames);
                assertEquals(memory.findCustomerProfiles(COMPANY, profiles), sql.findProfiles().findCustomerProfiles(COMPANY, profiles),
                        "seed " + SEED + ", changing profile case " + i + ": " + profiles);
                Criteria types = randomCriteria(random, CustomerTypeField.CATALOGUE.fields(), typeNames);
                assertEquals(memory.findCustomerTypes(COMPANY, types), sql.findTypes().findCustomerTypes(COMPANY, types),
                        "seed " + SEED + ", changing type case " + i + ": " + types);
            }
        }
    }

    @Test
    void customerTypeAggregatesAgree() {
        Random random = new Random(SEED + 3);
        List<CustomerTypeField> fields = CustomerTypeField.CATALOGUE.fields();
        for (int i = 0; i < criteriaPerAggregate() / 4; i++) {
            Filter filter = randomFilter(random, fields, typeNames, 2);
            List<Aggregation> aggregations = new ArrayList<>();
            for (AggregateFunction function : AggregateFunction.values()) {
                CustomerTypeField field = fields.get(random.nextInt(fields.size()));
                if (function.numericOnly() && field.type() != FieldType.INTEGER) {
                    field = random.nextBoolean() ? CustomerTypeField.KEY : CustomerTypeField.PARENT_KEY;
                }
                aggregations.add(new Aggregation(function, field));
            }
            assertEquals(memory.aggregateCustomerTypes(COMPANY, filter, aggregations),
                    sql.findTypes().aggregateCustomerTypes(COMPANY, filter, aggregations),
                    "seed " + SEED + ", aggregate case " + i + ": " + filter + " " + aggregations);
        }
    }

    /**
     * Chains of thousands of conditions and lists of thousands of values, as a query service request may hold:
     * SQLite refuses an expression tree deeper than 1000 levels and more than 32 766 parameters to a statement.
     * (It also refuses a statement longer than 1 000 000 bytes: the chains stop at 5 000 conditions, about
     * 250 000 bytes of SQL written twice.)
     */
    @Test
    void longChainsAndLongListsAgree() {
        Random random = new Random(SEED + 5);
        for (int length : List.of(9, 64, 65, 513, 1_000, 5_000)) {
            for (var fields : List.of(CustomerProfileField.CATALOGUE.fields(), CustomerTypeField.CATALOGUE.fields())) {
                List<String> names = fields.get(0) instanceof CustomerProfileField ? profileNames : typeNames;
                List<Filter> operands = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    operands.add(randomComparison(random, fields.get(random.nextInt(fields.size())), names));
                }
                QueryField listed = fields.get(random.nextInt(fields.size()));
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < 8 * length; i++) {
                    values.add(randomValue(random, listed, Operator.IN, names));
                }
                for (Filter filter : List.of(Filter.and(operands), Filter.or(operands),
                        Filter.or(Filter.and(operands), Filter.not(Filter.or(operands))),
                        new Comparison(listed, Operator.IN, values, random.nextBoolean()),
                        new Comparison(listed, Operator.NOT_IN, values, random.nextBoolean()))) {
                    Criteria criteria = new Criteria(filter, List.of(), Paging.of(0, 50));
                    String label = "seed " + SEED + ", " + length + " operands or values on " + listed.fieldName();
                    if (names == profileNames) {
                        assertEquals(memory.findCustomerProfiles(COMPANY, criteria),
                                sql.findProfiles().findCustomerProfiles(COMPANY, criteria), label);
                    } else {
                        assertEquals(memory.findCustomerTypes(COMPANY, criteria), sql.findTypes().findCustomerTypes(COMPANY, criteria),
                                label);
                    }
                }
            }
        }
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            name.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return name.toString();
    }

    private static String randomUser(Random random) {
        return random.nextInt(4) == 0 ? null : USERS[random.nextInt(USERS.length)];
    }

    private static <F extends QueryField> Criteria randomCriteria(Random random, List<F> fields, List<String> names) {
        Filter filter = randomFilter(random, fields, names, 3);
        List<SortKey> sort = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            F field = fields.get(random.nextInt(fields.size()));
            sort.add(random.nextBoolean() ? SortKey.asc(field) : SortKey.desc(field));
        }
        Paging paging = Paging.of(random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(20),
                random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(60));
        return new Criteria(filter, sort, paging);
    }

    private static <F extends QueryField> Filter randomFilter(Random random, List<F> fields, List<String> names,
            int depth) {
        int choice = random.nextInt(depth > 0 ? 10 : 6);
        if (choice < 6) {
            return randomComparison(random, fields.get(random.nextInt(fields.size())), names);
        }
        List<Filter> operands = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            operands.add(randomFilter(random, fields, names, depth - 1));
        }
        return switch (choice) {
            case 6, 7 -> Filter.and(operands);
            case 8 -> Filter.or(operands);
            default -> Filter.not(operands.isEmpty() ? randomComparison(random, fields.get(0), names)
                    : operands.get(0));
        };
    }

    private static Comparison randomComparison(Random random, QueryField field, List<String> names) {
        List<Operator> operators = new ArrayList<>(List.of(Operator.values()));
        if (field.type() != FieldType.STRING) {
            operators.removeIf(Operator::textOnly);
        }
        Operator operator = operators.get(random.nextInt(operators.size()));
        int count = switch (operator.arity()) {
            case NONE -> 0;
            case ONE -> 1;
            case TWO -> 2;
            case AT_LEAST_ONE -> random.nextInt(8) == 0 ? QueryCompiler.BOUND_IN_VALUES + random.nextInt(200)
                    : 1 + random.nextInt(4);
        };
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(randomValue(random, field, operator, names));
        }
        return new Comparison(field, operator, values, random.nextBoolean());
    }

    private static Object randomValue(Random random, QueryField field, Operator operator, List<String> names) {
        return switch (field.type()) {
            case INTEGER -> (long) random.nextInt(220) - 5;
            case BOOLEAN -> random.nextBoolean();
            case TIMESTAMP -> T0.plusSeconds(random.nextInt(6) * 3600L + (random.nextBoolean() ? 0 : 60L * random.nextInt(3)));
            case STRING -> randomText(random, field, operator, names);
        };
    }

    private static String randomText(Random random, QueryField field, Operator operator, List<String> names) {
        String base;
        if (field == CustomerTypeField.STATUS) {
            base = random.nextBoolean() ? "active" : "Inactive";
        } else if (field == CustomerTypeField.CREATED_BY || field == CustomerTypeField.MODIFIED_BY) {
            base = USERS[random.nextInt(USERS.length)];
        } else if (random.nextInt(5) == 0) {
            base = randomName(random);
        } else {
            base = names.get(random.nextInt(names.size()));
        }
        if (operator.positive() == Operator.LIKE) {
            return switch (random.nextInt(5)) {
                case 0 -> base.substring(0, base.offsetByCodePoints(0, Math.min(2, base.codePointCount(0, base.length())))) + "%";
                case 1 -> "%" + base.substring(base.offsetByCodePoints(0, base.codePointCount(0, base.length()) / 2));
                case 2 -> "%" + base.replace("%", "\\%") + "%";
                case 3 -> base.replace("\\", "\\\\").replace("%", "\\%");
                default -> base;
            };
        }
        int codePoints = base.codePointCount(0, base.length());
        if (operator.textOnly() && codePoints > 1) {
            int from = random.nextInt(codePoints - 1);
            int to = from + 1 + random.nextInt(codePoints - from);
            return base.substring(base.offsetByCodePoints(0, from), base.offsetByCodePoints(0, to));
        }
        return base;
    }
}
