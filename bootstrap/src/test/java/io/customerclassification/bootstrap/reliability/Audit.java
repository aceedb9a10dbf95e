package io.customerclassification.bootstrap.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares what clients were told was stored with what the database file holds. */
final class Audit {

    private Audit() {}

    /**
     * Every acknowledged write that is not in the file: a record created and never deleted that is missing, a
     * deleted one still there, or a value other than the last one its owner got a 2xx for (a lost update).
     * Records whose last write went unanswered are skipped: their outcome is unknown.
     */
    static List<String> lostWrites(Collection<Workload> clients, DatabaseFile database) {
        Map<Long, DatabaseFile.Profile> storedProfiles = database.profiles();
        Map<Long, DatabaseFile.Type> storedTypes = database.types();
        List<String> lost = new ArrayList<>();
        for (Workload client : clients) {
            client.profiles.forEach((id, expected) -> {
                if (client.uncertainProfiles.contains(id)) {
                    return;
                }
                DatabaseFile.Profile stored = storedProfiles.get(id);
                if (expected.deleted() ? stored != null : stored == null || !stored.name().equals(expected.name())
                        || stored.archived() != expected.archived()) {
                    lost.add("profile " + id + ": acknowledged " + expected + ", stored " + stored);
                }
            });
            client.types.forEach((key, expected) -> {
                if (client.uncertainTypes.contains(key)) {
                    return;
                }
                DatabaseFile.Type stored = storedTypes.get(key);
                if (expected.deleted() ? stored != null : stored == null || stored.active() != expected.active()
                        || !Objects.equals(stored.parent(), expected.parent())) {
                    lost.add("type " + key + ": acknowledged " + expected + ", stored " + stored);
                }
            });
        }
        return lost;
    }

    /** How many records the clients' acknowledged writes left, that the audit compared. */
    static int recordsChecked(Collection<Workload> clients) {
        return clients.stream().mapToInt(c -> c.profiles.size() - c.uncertainProfiles.size()
                + c.types.size() - c.uncertainTypes.size()).sum();
    }
}
