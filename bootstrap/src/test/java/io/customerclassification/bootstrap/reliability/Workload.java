package io.customerclassification.bootstrap.reliability;

import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * One client of a concurrent load: writes over both dialects on records it owns, so that the last value it got
 * a 2xx for is exactly what must be stored, and hierarchy moves and status changes that contend with every other
 * client (parents are drawn from all clients' types). It remembers every write the server acknowledged.
 */
final class Workload implements Runnable {

    /** What the client last got acknowledged for one of its profiles. */
    record Profile(String name, boolean archived, boolean deleted) {}

    /** What the client last got acknowledged for one of its types; {@code parent} is null for a root. */
    record Type(boolean active, Long parent, boolean deleted) {}

    /** Keys of every type any client created, per company: the parents moves and creates contend for. */
    static final class SharedTypes {
        private final Map<Long, Set<Long>> byCompany = new ConcurrentHashMap<>();

        void add(long company, long key) {
            byCompany.computeIfAbsent(company, c -> ConcurrentHashMap.newKeySet()).add(key);
        }

        Long any(long company, Random random) {
            List<Long> keys = new ArrayList<>(byCompany.getOrDefault(company, Set.of()));
            return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
        }
    }

    private static final String TYPES = "/objects/accounts-receivable/customer-type";

    final Map<Long, Profile> profiles = new LinkedHashMap<>();
    final Map<Long, Type> types = new LinkedHashMap<>();
    final Map<Integer, Integer> statuses = new LinkedHashMap<>();
    /**
     * Writes answered 2xx; requests that reached the server and got no answer (their outcome is unknown); and
     * requests refused at connect, which wrote nothing.
     */
    /** Written by the workload's own thread only; volatile so that a test can watch it while the load runs. */
    volatile int acknowledgedWrites;
    int unanswered;
    int refused;
    int staleReads;
    /** What each stale read expected and was answered, for the failure message. */
    final List<String> staleDetails = new ArrayList<>();
    /** Records a write was sent for that got no answer: stored or not, nobody can say. */
    final Set<Long> uncertainProfiles = new java.util.HashSet<>();
    final Set<Long> uncertainTypes = new java.util.HashSet<>();

    private final String tag;
    private final long company;
    private Http http;
    /** Where read-backs go: the server written to, or another instance over the same store. */
    private Http reads;
    private final Random random;
    private final SharedTypes shared;
    private final BooleanSupplier keepGoing;
    private final Map<String, String> entity;
    private final String profilesPath;
    private int created;
    private Long pendingProfile;
    private Long pendingType;

    Workload(int client, long company, int port, long seed, SharedTypes shared, BooleanSupplier keepGoing) {
        this.tag = "c" + client;
        this.company = company;
        this.http = new Http(port);
        this.reads = http;
        this.random = new Random(seed);
        this.shared = shared;
        this.keepGoing = keepGoing;
        this.entity = Map.of("X-IA-API-Param-Entity", Long.toString(company));
        this.profilesPath = "/api/v1.0/companies/" + company + "/setup/customerProfiles/";
    }

    /** Talks to a server on another port from now on (the same database, restarted), and reads back there. */
    void reconnect(int port) {
        http = new Http(port);
        reads = http;
    }

    /**
     * Reads back what it wrote through the server on {@code port} (another instance over the same store): a write
     * acknowledged by one instance must be what the next request to any instance sees.
     */
    void readBackThrough(int port) {
        reads = new Http(port);
    }

    @Override
    public void run() {
        while (keepGoing.getAsBoolean()) {
            pendingProfile = null;
            pendingType = null;
            try {
                step();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof ConnectException) {
                    refused++;
                    continue; // the request never reached a server: nothing was written
                }
                unanswered++;
                if (pendingProfile != null) {
                    uncertainProfiles.add(pendingProfile);
                }
                if (pendingType != null) {
                    uncertainTypes.add(pendingType);
                }
            }
        }
    }

    private void step() {
        switch (random.nextInt(12)) {
            case 0, 1 -> createProfile();
            case 2 -> own(profiles).ifPresentOrElse(this::renameProfile, this::createProfile);
            case 3 -> own(profiles).ifPresentOrElse(this::archiveProfile, this::createProfile);
            case 4 -> own(profiles).ifPresentOrElse(this::deleteProfile, this::createProfile);
            case 5 -> createSharedName();
            case 6, 7 -> createType();
            case 8 -> own(types).ifPresentOrElse(this::moveType, this::createType);
            case 9 -> own(types).ifPresentOrElse(this::changeStatus, this::createType);
            case 10 -> own(types).ifPresentOrElse(this::deleteType, this::createType);
            default -> query();
        }
    }

    private <V> java.util.Optional<Long> own(Map<Long, V> records) {
        List<Long> live = records.entrySet().stream().filter(e -> !isDeleted(e.getValue())).map(Map.Entry::getKey).toList();
        return live.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(live.get(random.nextInt(live.size())));
    }

    private static boolean isDeleted(Object record) {
        return record instanceof Profile p ? p.deleted() : ((Type) record).deleted();
    }

    private Reply count(Reply reply) {
        statuses.merge(reply.status(), 1, Integer::sum);
        return reply;
    }

    private boolean acknowledged(Reply reply) {
        count(reply);
        if (reply.status() >= 200 && reply.status() < 300) {
            acknowledgedWrites++;
            return true;
        }
        return false;
    }

    // ---- profiles (Simpro)

    private void createProfile() {
        String name = tag + "-p" + created++;
        boolean archived = random.nextInt(4) == 0;
        Reply reply = http.post(profilesPath, "{\"Name\": \"" + name + "\", \"Archived\": " + archived + "}");
        if (acknowledged(reply)) {
            profiles.put(reply.json().get("ID").asLong(), new Profile(name, archived, false));
        }
    }

    private void createSharedName() {
        Reply reply = http.post(profilesPath, "{\"Name\": \"Shared " + random.nextInt(5) + "\"}");
        acknowledged(reply);
    }

    private void renameProfile(long id) {
        pendingProfile = id;
        String name = tag + "-p" + created++ + "-renamed";
        Profile before = profiles.get(id);
        if (acknowledged(http.patch(profilesPath + id, "{\"Name\": \"" + name + "\"}"))) {
            profiles.put(id, new Profile(name, before.archived(), false));
            readBack(id, true);
        }
    }

    private void archiveProfile(long id) {
        pendingProfile = id;
        Profile before = profiles.get(id);
        if (acknowledged(http.patch(profilesPath + id, "{\"Archived\": " + !before.archived() + "}"))) {
            profiles.put(id, new Profile(before.name(), !before.archived(), false));
            readBack(id, false);
        }
    }

    private void deleteProfile(long id) {
        pendingProfile = id;
        if (acknowledged(http.delete(profilesPath + id))) {
            profiles.put(id, new Profile(profiles.get(id).name(), false, true));
        }
    }

    /**
     * Read-your-writes: the client sees what it was just told was stored. When an earlier write to the profile got no
     * answer ({@link #uncertainProfiles}: a server killed mid-request may or may not have committed it), the client
     * does not know the field that write set, so only the field just written ({@code renamed}: the name, else the
     * archived flag) is compared, and the client takes the other from the answer.
     */
    private void readBack(long id, boolean renamed) {
        Reply reply = count(reads.get(profilesPath + id));
        Profile expected = profiles.get(id);
        if (reply.status() != 200) {
            stale(id, expected, reply);
            return;
        }
        String name = reply.json().get("Name").asText();
        boolean archived = reply.json().get("Archived").asBoolean();
        boolean uncertain = uncertainProfiles.contains(id);
        if (!(name.equals(expected.name()) || uncertain && !renamed)
                || !(archived == expected.archived() || uncertain && renamed)) {
            stale(id, expected, reply);
        } else if (uncertain) {
            profiles.put(id, new Profile(name, archived, false));
        }
    }

    private void stale(long id, Profile expected, Reply reply) {
        staleReads++;
        staleDetails.add("profile " + id + " expected " + expected + (uncertainProfiles.contains(id)
                ? " (after an unanswered write)" : "") + ", answered " + reply);
    }

    // ---- types (Sage Intacct), contending for parents

    private void createType() {
        String name = tag + "-t" + created++;
        Long parent = random.nextBoolean() ? shared.any(company, random) : null;
        boolean active = random.nextInt(5) != 0;
        String body = "{\"id\": \"" + name + "\", \"status\": \"" + (active ? "active" : "inactive") + "\""
                + (parent == null ? "" : ", \"parent\": {\"key\": \"" + parent + "\"}") + "}";
        Reply reply = http.post(TYPES, body, entity);
        if (acknowledged(reply)) {
            long key = reply.json().at("/ia::result/key").asLong();
            types.put(key, new Type(active, parent, false));
            shared.add(company, key);
        }
    }

    private void moveType(long key) {
        pendingType = key;
        Long parent = random.nextInt(4) == 0 ? null : shared.any(company, random);
        String body = "{\"parent\": " + (parent == null ? "null" : "{\"key\": \"" + parent + "\"}") + "}";
        if (acknowledged(http.send("PATCH", TYPES + "/" + key, body, entity))) {
            types.put(key, new Type(types.get(key).active(), parent, false));
        }
    }

    private void changeStatus(long key) {
        pendingType = key;
        Type before = types.get(key);
        String status = before.active() ? "inactive" : "active";
        if (acknowledged(http.send("PATCH", TYPES + "/" + key, "{\"status\": \"" + status + "\"}", entity))) {
            types.put(key, new Type(!before.active(), before.parent(), false));
        }
    }

    private void deleteType(long key) {
        pendingType = key;
        if (acknowledged(http.send("DELETE", TYPES + "/" + key, null, entity))) {
            types.put(key, new Type(false, null, true));
        }
    }

    private void query() {
        if (random.nextBoolean()) {
            count(http.get(profilesPath + "?Name=" + tag + "%25&orderby=-Name&columns=ID,Name,Archived&pageSize=50"));
        } else {
            count(http.post("/services/core/query", "{\"object\": \"accounts-receivable/customer-type\","
                    + " \"fields\": [\"key\", \"id\", \"status\", \"parent.key\"],"
                    + " \"filters\": [{\"$startsWith\": {\"id\": \"" + tag + "\"}}],"
                    + " \"filterParameters\": {\"includeHierarchyFields\": true}}", entity));
        }
    }
}
