package io.customerclassification.benchmark;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Seeds a benchmark database through the product's own embedded API, in batches of one transaction each:
 * {@code Seed <database> <profiles> <types>}. Profiles are named {@code Profile 0000001…} (one in ten archived);
 * types form a random recursive tree — each new type hangs under a uniformly chosen earlier one of depth below
 * 20, one in a thousand is a root — which gives a realistic skew of fan-out and depths up to 20. Every type is
 * active. Writes {@code <database>.properties} with what the scenarios need (counts, keys, the root of a subtree
 * of about 10 000 types).
 */
public final class Seed {

    private static final Caller SYSTEM = Caller.system(null);

    private static final int BATCH = 2_000;
    private static final int MAX_DEPTH = 20;

    private Seed() {}

    public static void main(String[] args) {
        if (args[0].equals("--migrate")) {
            // a seed kept from an older build: brought to this build's schema once, not on every copy
            long started = System.nanoTime();
            CustomerClassification.open(Path.of(args[1])).close();
            System.out.printf(Locale.ROOT, "seed opened (and migrated where needed) in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            return;
        }
        Path database = Path.of(args[0]);
        int profiles = Integer.parseInt(args[1]);
        int types = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        try (CustomerClassification app = CustomerClassification.open(database)) {
            seedProfiles(app, profiles);
            long afterProfiles = System.nanoTime();
            System.out.printf(Locale.ROOT, "seeded %d profiles in %.1f s%n", profiles, (afterProfiles - started) / 1e9);
            Properties meta = seedTypes(app, types);
            meta.setProperty("profiles", Integer.toString(profiles));
            meta.setProperty("types", Integer.toString(types));
            System.out.printf(Locale.ROOT, "seeded %d types in %.1f s%n", types, (System.nanoTime() - afterProfiles) / 1e9);
            write(Path.of(database + ".properties"), meta);
        }
    }

    private static void seedProfiles(CustomerClassification app, int count) {
        for (int from = 0; from < count; from += BATCH) {
            int start = from;
            app.inTransaction(() -> {
                for (int i = start; i < Math.min(count, start + BATCH); i++) {
                    app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT,
                            Name.of(String.format(Locale.ROOT, "Profile %07d", i + 1)), i % 10 == 9));
                }
                return null;
            });
        }
    }

    private static Properties seedTypes(CustomerClassification app, int count) {
        SplittableRandom random = new SplittableRandom(20261201);
        long[] keys = new long[count];
        int[] depth = new int[count];
        int[] parent = new int[count];
        int[] shallow = new int[count]; // indexes of the types that may still take children
        int shallowCount = 0;
        for (int from = 0; from < count; from += BATCH) {
            int start = from;
            int[] shallowSoFar = {shallowCount};
            app.inTransaction(() -> {
                for (int i = start; i < Math.min(count, start + BATCH); i++) {
                    boolean root = shallowSoFar[0] == 0 || random.nextInt(1000) == 0;
                    int p = root ? -1 : shallow[random.nextInt(shallowSoFar[0])];
                    ParentReference reference = root ? null : ParentReference.byKey(CustomerTypeKey.of(keys[p]));
                    CustomerTypeView created = app.createCustomerType(new CreateCustomerTypeCommand(
                            Caller.system("seed"), CompanyId.DEFAULT,
                            Name.of(String.format(Locale.ROOT, "Type %07d", i + 1)), CustomerTypeStatus.ACTIVE,
                            reference));
                    keys[i] = created.type().key().value();
                    parent[i] = p;
                    depth[i] = root ? 1 : depth[p] + 1;
                    if (depth[i] < MAX_DEPTH) {
                        shallow[shallowSoFar[0]++] = i;
                    }
                }
                return null;
            });
            shallowCount = shallowSoFar[0];
        }
        return describe(keys, parent, depth);
    }

    /** Subtree sizes, the root of the subtree closest to 10 000 types, the deepest type, the leaves. */
    private static Properties describe(long[] keys, int[] parent, int[] depth) {
        int count = keys.length;
        long[] size = new long[count];
        for (int i = count - 1; i >= 0; i--) {
            size[i] += 1;
            if (parent[i] >= 0) {
                size[parent[i]] += size[i];
            }
        }
        int subtree = 0;
        int deepest = 0;
        List<Long> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (Math.abs(size[i] - 10_000) < Math.abs(size[subtree] - 10_000)) {
                subtree = i;
            }
            if (depth[i] > depth[deepest]) {
                deepest = i;
            }
            if (size[i] == 1 && keys[i] > 1_000 && leaves.size() < 1_000) {
                leaves.add(keys[i]);
            }
        }
        Properties meta = new Properties();
        meta.setProperty("firstTypeKey", Long.toString(keys[0]));
        meta.setProperty("lastTypeKey", Long.toString(keys[count - 1]));
        meta.setProperty("subtreeKey", Long.toString(keys[subtree]));
        meta.setProperty("subtreeSize", Long.toString(size[subtree]));
        meta.setProperty("subtreeParentKey", parent[subtree] < 0 ? "" : Long.toString(keys[parent[subtree]]));
        meta.setProperty("maxDepth", Integer.toString(depth[deepest]));
        meta.setProperty("leafKeys", String.join(",", leaves.stream().map(String::valueOf).toList()));
        return meta;
    }

    private static void write(Path file, Properties meta) {
        try (var out = Files.newBufferedWriter(file)) {
            meta.store(out, "benchmark seed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
