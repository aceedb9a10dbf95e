package io.customerclassification.benchmark.jmh;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsQuery;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded use cases over a copy of a seeded benchmark database (system property {@code bench.seed}, the
 * file benchmarks/run.sh seeds; 100 000 profiles and types by default), below HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class UseCaseBenchmark {

    private static final Caller SYSTEM = Caller.system(null);

    @Param("100000")
    int rows;

    private CustomerClassification app;
    private Path copy;
    private final AtomicLong names = new AtomicLong();
    /** The seed's subtree of about 10 000 types, and a leaf outside it (from the seed's properties file). */
    private CustomerTypeKey subtree;
    private CustomerTypeKey leaf;
    /** An API key of a client that may read every company's profiles, as a request presents it. */
    private String apiKey;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path seed = Path.of(System.getProperty("bench.seed", "benchmarks/data/seed-100000-100000.db"));
        copy = Files.createTempFile("usecase-bench", ".db");
        Files.copy(seed, copy, StandardCopyOption.REPLACE_EXISTING);
        app = CustomerClassification.open(copy);
        Properties seeded = new Properties();
        try (var in = Files.newInputStream(Path.of(seed + ".properties"))) {
            seeded.load(in);
        }
        subtree = CustomerTypeKey.of(Long.parseLong(seeded.getProperty("subtreeKey")));
        leaf = CustomerTypeKey.of(Long.parseLong(seeded.getProperty("leafKeys").split(",")[0]));
        ClientId reader = ClientId.of("jmh-reader");
        app.createClient(new CreateClientCommand(SYSTEM, reader, false, List.of(Grant.onEveryCompany(
                Resource.CUSTOMER_PROFILE, EnumSet.allOf(Permission.class)))));
        apiKey = app.createApiKey(new ClientQuery(SYSTEM, reader)).apiKey();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        app.close();
        Files.deleteIfExists(copy);
        Files.deleteIfExists(Path.of(copy + "-wal"));
        Files.deleteIfExists(Path.of(copy + "-shm"));
    }

    private long randomRow() {
        return ThreadLocalRandom.current().nextLong(1, rows + 1);
    }

    @Benchmark
    public Object getProfile() {
        return app.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, CompanyId.DEFAULT,
                CustomerProfileId.of(randomRow())));
    }

    /** {@link #getProfile} as an authenticated request pays for it: its credential authenticated first. */
    @Benchmark
    public Object getProfileWithApiKey() {
        return app.getCustomerProfile(new GetCustomerProfileQuery(app.authenticate(apiKey), CompanyId.DEFAULT,
                CustomerProfileId.of(randomRow())));
    }

    @Benchmark
    public Object getType() {
        return app.getCustomerType(new GetCustomerTypeQuery(SYSTEM, CompanyId.DEFAULT,
                CustomerTypeKey.of(randomRow())));
    }

    @Benchmark
    public Object listProfilesAtRandomPage() {
        long page = ThreadLocalRandom.current().nextLong(rows / 30);
        return app.listCustomerProfiles(new ListCustomerProfilesQuery(SYSTEM, CompanyId.DEFAULT,
                new Criteria(Filter.all(), List.of(), Paging.of(page * 30, 30))));
    }

    @Benchmark
    public Object queryChildren() {
        return app.queryCustomerTypes(new QueryCustomerTypesQuery(SYSTEM, CompanyId.DEFAULT, new Criteria(
                Comparison.of(CustomerTypeField.PARENT_KEY, Operator.EQ, randomRow()), List.of(), Paging.of(0, 100))));
    }

    /** The first page of 4000 below the subtree's root, its walk kept from the call before (no write between). */
    @Benchmark
    public Object descendantsPageWalkKept() {
        return app.listCustomerTypeDescendants(new ListCustomerTypeDescendantsQuery(SYSTEM, CompanyId.DEFAULT, subtree,
                Paging.of(0, Paging.MAX_LIMIT)));
    }

    /** A write to a type elsewhere makes the next read walk the subtree again: its total, then a page of 4000. */
    @State(Scope.Thread)
    public static class AfterAWrite {
        @Setup(Level.Invocation)
        public void touchALeaf(UseCaseBenchmark bench) {
            bench.app.updateCustomerType(new UpdateCustomerTypeCommand(SYSTEM, CompanyId.DEFAULT, bench.leaf,
                    null, null));
        }
    }

    @Benchmark
    public Object descendantsPageAfterAWrite(AfterAWrite write) {
        return app.listCustomerTypeDescendants(new ListCustomerTypeDescendantsQuery(SYSTEM, CompanyId.DEFAULT, subtree,
                Paging.of(0, Paging.MAX_LIMIT)));
    }

    @Benchmark
    public Object createProfile() {
        return app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT,
                Name.of("JMH " + System.nanoTime() + " " + names.incrementAndGet()), false));
    }
}
