package io.customerclassification.application.inmemory;

import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.application.port.out.company.SaveCompanyPort;
import io.customerclassification.application.port.out.customerprofile.CustomerProfileNameTakenPort;
import io.customerclassification.application.port.out.customerprofile.DeleteCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.ExportCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.FindCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.LoadCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.SaveCustomerProfilePort;
import io.customerclassification.application.port.out.customertype.CustomerTypeNameTakenPort;
import io.customerclassification.application.port.out.customertype.DeleteCustomerTypePort;
import io.customerclassification.application.port.out.customertype.ExportCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.FindCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeAncestorsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeChildrenPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeDescendantsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypePort;
import io.customerclassification.application.port.out.customertype.MeasureCustomerTypeSubtreePort;
import io.customerclassification.application.port.out.customertype.SaveCustomerTypePort;
import io.customerclassification.application.port.out.idempotency.LoadIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.SaveIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.StoredIdempotentRequest;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeHasChildrenException;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every out-port of the application over plain maps, for fast application tests and as the reference the
 * SQL adapter is compared against. Like the database it enforces its own second line of defence (unique
 * names, parents within the company, no delete of a parent), and a transaction that throws leaves no trace.
 * One lock serialises everything, so it is safe (if not fast) under concurrent use.
 */
public final class InMemoryPersistence
        implements TransactionPort,
                LoadCompanyPort,
                SaveCompanyPort,
                LoadCustomerProfilePort,
                SaveCustomerProfilePort,
                DeleteCustomerProfilePort,
                FindCustomerProfilesPort,
                CustomerProfileNameTakenPort,
                LoadCustomerTypePort,
                SaveCustomerTypePort,
                DeleteCustomerTypePort,
                FindCustomerTypesPort,
                LoadCustomerTypeAncestorsPort,
                LoadCustomerTypeChildrenPort,
                LoadCustomerTypeDescendantsPort,
                MeasureCustomerTypeSubtreePort,
                CustomerTypeNameTakenPort,
                LoadIdempotentRequestPort,
                SaveIdempotentRequestPort,
                ExportCustomerProfilesPort,
                ExportCustomerTypesPort {

    /** Reads the neutral profile fields from a profile. */
    public static final Map<QueryField, Function<CustomerProfile, Object>> PROFILE_FIELDS = Map.of(
            CustomerProfileField.ID, profile -> profile.id().value(),
            CustomerProfileField.NAME, profile -> profile.name().value(),
            CustomerProfileField.ARCHIVED, CustomerProfile::archived);

    /** Reads the neutral customer type fields from a view. */
    public static final Map<QueryField, Function<CustomerTypeView, Object>> TYPE_FIELDS = typeFields();

    private final ReentrantLock lock = new ReentrantLock();
    private final InMemoryQueryEngine<CustomerProfile> profileEngine =
            new InMemoryQueryEngine<>(CustomerProfileField.CATALOGUE, PROFILE_FIELDS);
    private final InMemoryQueryEngine<CustomerTypeView> typeEngine =
            new InMemoryQueryEngine<>(CustomerTypeField.CATALOGUE, TYPE_FIELDS);

    private State state = new State();

    /** Everything a transaction may have to put back. */
    private static final class State {
        TreeMap<CompanyId, Company> companies = new TreeMap<>();
        TreeMap<Long, CustomerProfile> profiles = new TreeMap<>();
        TreeMap<Long, CustomerType> types = new TreeMap<>();
        TreeMap<String, StoredIdempotentRequest> idempotentRequests = new TreeMap<>();
        long lastProfileId;
        long lastTypeKey;

        State copy() {
            State copy = new State();
            copy.idempotentRequests = new TreeMap<>(idempotentRequests);
            copy.companies = new TreeMap<>(companies);
            copy.profiles = new TreeMap<>(profiles);
            copy.types = new TreeMap<>(types);
            copy.lastProfileId = lastProfileId;
            copy.lastTypeKey = lastTypeKey;
            return copy;
        }
    }

    /** Whether a rolled-back transaction's keys stay taken (a PostgreSQL sequence) or are handed out again (SQLite). */
    private final boolean keysSurviveRollback;

    public InMemoryPersistence() {
        this(false);
    }

    /**
     * @param keysSurviveRollback whether keys taken by a transaction that rolls back stay taken, as a PostgreSQL
     *     sequence's do (SQLite's {@code AUTOINCREMENT} hands them out again): the reference then gives the keys the
     *     SQL store under comparison gives
     */
    public InMemoryPersistence(boolean keysSurviveRollback) {
        this.keysSurviveRollback = keysSurviveRollback;
        state.companies.put(Company.DEFAULT.id(), Company.DEFAULT);
    }

    /** Registers a company directly, as an operator would before serving requests. */
    public void registerCompany(Company company) {
        insertCompany(company);
    }

    // ---- transactions

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            State before = state.copy();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                if (keysSurviveRollback) {
                    before.lastProfileId = state.lastProfileId;
                    before.lastTypeKey = state.lastTypeKey;
                }
                state = before;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- companies

    @Override
    public Optional<Company> loadCompany(CompanyId id) {
        return locked(() -> Optional.ofNullable(state.companies.get(id)));
    }

    @Override
    public List<Company> loadAllCompanies() {
        return locked(() -> List.copyOf(state.companies.values()));
    }

    @Override
    public void insertCompany(Company company) {
        locked(() -> {
            if (state.companies.containsKey(company.id())) {
                throw new CompanyAlreadyExistsException(company.id());
            }
            state.companies.put(company.id(), company);
            return null;
        });
    }

    // ---- idempotency keys

    private static String idempotencyKey(String client, String key) {
        return client + '\n' + key;
    }

    @Override
    public Optional<StoredIdempotentRequest> loadIdempotentRequest(String client, String key) {
        return locked(() -> Optional.ofNullable(state.idempotentRequests.get(idempotencyKey(client, key))));
    }

    @Override
    public void claimIdempotentRequest(String client, String key, byte[] fingerprint, long claim, Instant claimedAt,
            Instant expiresAt) {
        locked(() -> state.idempotentRequests.put(idempotencyKey(client, key),
                new StoredIdempotentRequest(fingerprint, claim, claimedAt, expiresAt, null)));
    }

    @Override
    public boolean recordIdempotentAnswer(String client, String key, long claim, RecordedAnswer answer) {
        return locked(() -> {
            StoredIdempotentRequest stored = state.idempotentRequests.get(idempotencyKey(client, key));
            if (stored == null || stored.claim() != claim || stored.answer() != null) {
                return false;
            }
            state.idempotentRequests.put(idempotencyKey(client, key), new StoredIdempotentRequest(
                    stored.fingerprint(), claim, stored.claimedAt(), stored.expiresAt(), answer));
            return true;
        });
    }

    @Override
    public void releaseIdempotentRequest(String client, String key, long claim) {
        locked(() -> state.idempotentRequests.computeIfPresent(idempotencyKey(client, key),
                (k, stored) -> stored.claim() == claim && stored.answer() == null ? null : stored));
    }

    @Override
    public int deleteExpiredIdempotentRequests(Instant now, int limit) {
        return locked(() -> {
            List<String> expired = state.idempotentRequests.entrySet().stream()
                    .filter(entry -> !entry.getValue().expiresAt().isAfter(now))
                    .sorted(Comparator.comparing(entry -> entry.getValue().expiresAt()))
                    .limit(limit).map(Map.Entry::getKey).toList();
            expired.forEach(state.idempotentRequests::remove);
            return expired.size();
        });
    }

    // ---- customer profiles

    @Override
    public Optional<CustomerProfile> loadCustomerProfile(CompanyId companyId, CustomerProfileId id) {
        return locked(() -> Optional.ofNullable(state.profiles.get(id.value()))
                .filter(profile -> profile.companyId().equals(companyId)));
    }

    @Override
    public CustomerProfile insertCustomerProfile(CustomerProfileDraft draft) {
        return locked(() -> {
            if (isCustomerProfileNameTaken(draft.companyId(), draft.name(), null)) {
                throw new DuplicateCustomerProfileNameException(draft.companyId(), draft.name());
            }
            CustomerProfile profile = draft.withId(CustomerProfileId.of(++state.lastProfileId));
            state.profiles.put(profile.id().value(), profile);
            return profile;
        });
    }

    @Override
    public CustomerProfile updateCustomerProfile(CustomerProfile profile) {
        return locked(() -> {
            CustomerProfile stored = loadCustomerProfile(profile.companyId(), profile.id())
                    .orElseThrow(() -> new CustomerProfileNotFoundException(profile.companyId(), profile.id()));
            if (isCustomerProfileNameTaken(profile.companyId(), profile.name(), profile.id())) {
                throw new DuplicateCustomerProfileNameException(profile.companyId(), profile.name());
            }
            CustomerProfile updated = profile.atVersion(stored.version() + 1);
            state.profiles.put(profile.id().value(), updated);
            return updated;
        });
    }

    @Override
    public boolean deleteCustomerProfile(CompanyId companyId, CustomerProfileId id) {
        return locked(() -> loadCustomerProfile(companyId, id).isPresent()
                && state.profiles.remove(id.value()) != null);
    }

    @Override
    public Page<CustomerProfile> findCustomerProfiles(CompanyId companyId, Criteria criteria) {
        return locked(() -> profileEngine.query(profilesOf(companyId), criteria));
    }

    @Override
    public long exportCustomerProfiles(CompanyId companyId, Consumer<CustomerProfile> rows) {
        List<CustomerProfile> profiles = locked(() -> profilesOf(companyId));
        profiles.forEach(rows);
        return profiles.size();
    }

    /** A type, then its subtree, children by key; from a copy taken under the lock, as from one snapshot. */
    @Override
    public long exportCustomerTypes(CompanyId companyId, Consumer<CustomerTypeExportRow> rows) {
        List<CustomerTypeExportRow> ordered = locked(() -> {
            Map<CustomerTypeKey, List<CustomerType>> childrenByParent = childrenByParent(companyId);
            List<CustomerTypeExportRow> all = new ArrayList<>();
            ArrayDeque<CustomerType> path = new ArrayDeque<>();
            List<CustomerType> roots = typesOf(companyId).stream().filter(CustomerType::isRoot).toList();
            for (int i = roots.size() - 1; i >= 0; i--) {
                path.push(roots.get(i));
            }
            while (!path.isEmpty()) {
                CustomerType type = path.pop();
                all.add(new CustomerTypeExportRow(type.key(), type.name(), type.status(), type.isRoot() ? null
                        : state.types.get(type.parentKey().value()).name()));
                List<CustomerType> children = childrenByParent.getOrDefault(type.key(), List.of());
                for (int i = children.size() - 1; i >= 0; i--) {
                    path.push(children.get(i));
                }
            }
            return all;
        });
        ordered.forEach(rows);
        return ordered.size();
    }

    @Override
    public boolean isCustomerProfileNameTaken(CompanyId companyId, Name name, CustomerProfileId except) {
        return locked(() -> profilesOf(companyId).stream()
                .anyMatch(profile -> !profile.id().equals(except) && profile.name().sameAs(name)));
    }

    private List<CustomerProfile> profilesOf(CompanyId companyId) {
        return state.profiles.values().stream().filter(profile -> profile.companyId().equals(companyId)).toList();
    }

    // ---- customer types

    @Override
    public Optional<CustomerType> loadCustomerType(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> Optional.ofNullable(state.types.get(key.value()))
                .filter(type -> type.companyId().equals(companyId)));
    }

    @Override
    public Optional<CustomerTypeView> loadCustomerTypeView(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> loadCustomerType(companyId, key).map(type -> new CustomerTypeView(type, type.isRoot()
                ? null : loadCustomerType(companyId, type.parentKey()).orElseThrow().name())));
    }

    @Override
    public Optional<CustomerType> loadCustomerTypeByName(CompanyId companyId, Name name) {
        return locked(() -> typesOf(companyId).stream().filter(type -> type.name().sameAs(name)).findFirst());
    }

    @Override
    public CustomerType insertCustomerType(CustomerTypeDraft draft) {
        return locked(() -> {
            if (isCustomerTypeNameTaken(draft.companyId(), draft.name())) {
                throw new DuplicateCustomerTypeNameException(draft.companyId(), draft.name());
            }
            requireParent(draft.companyId(), draft.parentKey());
            CustomerType type = draft.withKey(CustomerTypeKey.of(++state.lastTypeKey));
            state.types.put(type.key().value(), type);
            return type;
        });
    }

    @Override
    public CustomerType updateCustomerType(CustomerType type) {
        return locked(() -> {
            CustomerType stored = loadCustomerType(type.companyId(), type.key())
                    .orElseThrow(() -> new CustomerTypeNotFoundException(type.companyId(), type.key()));
            if (!stored.name().equals(type.name())) {
                throw new IllegalArgumentException("the name of customer type " + type.key() + " is immutable");
            }
            requireParent(type.companyId(), type.parentKey());
            CustomerType updated = type.atVersion(stored.version() + 1);
            state.types.put(type.key().value(), updated);
            return updated;
        });
    }

    @Override
    public boolean deleteCustomerType(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> {
            if (loadCustomerType(companyId, key).isEmpty()) {
                return false;
            }
            List<CustomerType> children = loadChildren(companyId, key);
            if (!children.isEmpty()) {
                throw new CustomerTypeHasChildrenException(key, children.stream().map(CustomerType::key).toList());
            }
            state.types.remove(key.value());
            return true;
        });
    }

    @Override
    public Page<CustomerTypeView> findCustomerTypes(CompanyId companyId, Criteria criteria) {
        return locked(() -> typeEngine.query(viewsOf(companyId), criteria));
    }

    @Override
    public Page<CustomerTypeReference> findCustomerTypeReferences(CompanyId companyId, Paging paging) {
        Page<CustomerTypeView> page = findCustomerTypes(companyId, Criteria.all(paging));
        return new Page<>(page.items().stream()
                .map(view -> new CustomerTypeReference(view.type().key(), view.type().name())).toList(), page.total());
    }

    @Override
    public List<AggregateValue> aggregateCustomerTypes(CompanyId companyId, Filter filter,
            List<Aggregation> aggregations) {
        return locked(() -> {
            List<Object> values = typeEngine.aggregate(viewsOf(companyId), filter, aggregations);
            List<AggregateValue> typed = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                typed.add(AggregateValue.of(aggregations.get(i), values.get(i)));
            }
            return typed;
        });
    }

    @Override
    public List<CustomerType> loadAncestors(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> {
            List<CustomerType> ancestors = new ArrayList<>();
            Set<CustomerTypeKey> seen = new HashSet<>();
            seen.add(key);
            CustomerType current = loadCustomerType(companyId, key).orElse(null);
            while (current != null && current.parentKey() != null
                    && ancestors.size() < CustomerTypeHierarchyPolicy.MAX_DEPTH
                    && seen.add(current.parentKey())) {
                current = loadCustomerType(companyId, current.parentKey()).orElse(null);
                if (current != null) {
                    ancestors.add(current);
                }
            }
            return List.copyOf(ancestors);
        });
    }

    @Override
    public Optional<List<CustomerType>> loadLineage(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> loadCustomerType(companyId, key).map(type -> {
            List<CustomerType> lineage = new ArrayList<>(List.of(type));
            lineage.addAll(loadAncestors(companyId, key));
            return List.copyOf(lineage);
        }));
    }

    @Override
    public List<CustomerType> loadChildren(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> typesOf(companyId).stream().filter(type -> key.equals(type.parentKey())).toList());
    }

    @Override
    public int measureSubtreeHeight(CompanyId companyId, CustomerTypeKey key) {
        return locked(() -> {
            Map<CustomerTypeKey, List<CustomerType>> childrenByParent = childrenByParent(companyId);
            Set<CustomerTypeKey> seen = new HashSet<>(Set.of(key));
            ArrayDeque<CustomerTypeKey> level = new ArrayDeque<>(List.of(key));
            int height = 0;
            while (!level.isEmpty() && height <= CustomerTypeHierarchyPolicy.MAX_DEPTH) {
                height++;
                ArrayDeque<CustomerTypeKey> next = new ArrayDeque<>();
                for (CustomerTypeKey node : level) {
                    for (CustomerType child : childrenByParent.getOrDefault(node, List.of())) {
                        if (seen.add(child.key())) {
                            next.add(child.key());
                        }
                    }
                }
                level = next;
            }
            return height;
        });
    }

    /** Breadth first over the company's children lists, each level sorted by key, never a type twice. */
    @Override
    public Page<CustomerTypeDescendant> loadDescendants(CompanyId companyId, CustomerTypeKey key, Paging paging) {
        return locked(() -> {
            Map<CustomerTypeKey, List<CustomerType>> childrenByParent = childrenByParent(companyId);
            Map<CustomerTypeKey, CustomerType> byKey = new HashMap<>();
            typesOf(companyId).forEach(type -> byKey.put(type.key(), type));
            List<CustomerTypeDescendant> all = new ArrayList<>();
            Set<CustomerTypeKey> seen = new HashSet<>(Set.of(key));
            List<CustomerTypeKey> level = byKey.containsKey(key) ? List.of(key) : List.of();
            for (int depth = 1; !level.isEmpty() && depth <= CustomerTypeHierarchyPolicy.MAX_DEPTH; depth++) {
                List<CustomerType> next = new ArrayList<>();
                for (CustomerTypeKey parent : level) {
                    childrenByParent.getOrDefault(parent, List.of()).stream()
                            .filter(child -> seen.add(child.key())).forEach(next::add);
                }
                next.sort(Comparator.comparing(type -> type.key().value()));
                for (CustomerType child : next) {
                    all.add(new CustomerTypeDescendant(child.key(), child.name(), child.parentKey(),
                            byKey.get(child.parentKey()).name(), depth));
                }
                level = next.stream().map(CustomerType::key).toList();
            }
            int from = (int) Math.min(all.size(), paging.offset());
            return new Page<>(all.subList(from, Math.min(all.size(), from + paging.limit())), all.size());
        });
    }

    private Map<CustomerTypeKey, List<CustomerType>> childrenByParent(CompanyId companyId) {
        Map<CustomerTypeKey, List<CustomerType>> childrenByParent = new LinkedHashMap<>();
        for (CustomerType type : typesOf(companyId)) {
            if (type.parentKey() != null) {
                childrenByParent.computeIfAbsent(type.parentKey(), k -> new ArrayList<>()).add(type);
            }
        }
        return childrenByParent;
    }

    @Override
    public boolean isCustomerTypeNameTaken(CompanyId companyId, Name name) {
        return locked(() -> typesOf(companyId).stream().anyMatch(type -> type.name().sameAs(name)));
    }

    private void requireParent(CompanyId companyId, CustomerTypeKey parentKey) {
        if (parentKey != null && loadCustomerType(companyId, parentKey).isEmpty()) {
            throw new UnknownParentException(companyId, parentKey, null);
        }
    }

    private List<CustomerType> typesOf(CompanyId companyId) {
        return state.types.values().stream().filter(type -> type.companyId().equals(companyId)).toList();
    }

    private List<CustomerTypeView> viewsOf(CompanyId companyId) {
        return typesOf(companyId).stream()
                .map(type -> new CustomerTypeView(type, type.isRoot()
                        ? null
                        : state.types.get(type.parentKey().value()).name()))
                .toList();
    }

    private static Map<QueryField, Function<CustomerTypeView, Object>> typeFields() {
        Map<QueryField, Function<CustomerTypeView, Object>> fields = new LinkedHashMap<>();
        fields.put(CustomerTypeField.KEY, view -> view.type().key().value());
        fields.put(CustomerTypeField.NAME, view -> view.type().name().value());
        fields.put(CustomerTypeField.STATUS, view -> view.type().status().name().toLowerCase(Locale.ROOT));
        fields.put(CustomerTypeField.PARENT_KEY, view -> view.type().isRoot() ? null : view.type().parentKey().value());
        fields.put(CustomerTypeField.PARENT_NAME, view -> view.parent().map(Name::value).orElse(null));
        fields.put(CustomerTypeField.CREATED_AT, view -> view.type().audit().createdAt());
        fields.put(CustomerTypeField.MODIFIED_AT, view -> view.type().audit().modifiedAt());
        fields.put(CustomerTypeField.CREATED_BY, view -> view.type().audit().createdBy());
        fields.put(CustomerTypeField.MODIFIED_BY, view -> view.type().audit().modifiedBy());
        return Map.copyOf(fields);
    }
}
