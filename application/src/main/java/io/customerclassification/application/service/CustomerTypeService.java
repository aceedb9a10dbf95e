package io.customerclassification.application.service;

import io.customerclassification.application.model.CustomerTypeAncestor;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesUseCase;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeLineageUseCase;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeReferencesUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.ParentChange;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeUseCase;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
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
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Page;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.customertype.ParentReferenceMismatchException;
import io.customerclassification.domain.customertype.Placement;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The customer type use cases. Every write loads what the hierarchy policy needs and writes the outcome in
 * one transaction of the {@link TransactionPort}, so concurrent writes cannot break a rule between the check
 * and the write.
 */
public final class CustomerTypeService
        implements CreateCustomerTypeUseCase,
                GetCustomerTypeUseCase,
                ListCustomerTypesUseCase,
                ListCustomerTypeReferencesUseCase,
                UpdateCustomerTypeUseCase,
                DeleteCustomerTypeUseCase,
                QueryCustomerTypesUseCase,
                AggregateCustomerTypesUseCase,
                GetCustomerTypeLineageUseCase,
                ListCustomerTypeAncestorsUseCase,
                ListCustomerTypeDescendantsUseCase,
                ExportCustomerTypesUseCase,
                ImportCustomerTypesUseCase {

    /** The out-ports this service needs, grouped so that wiring stays readable. */
    public record Ports(
            LoadCompanyPort loadCompany,
            LoadCustomerTypePort load,
            SaveCustomerTypePort save,
            DeleteCustomerTypePort delete,
            FindCustomerTypesPort find,
            LoadCustomerTypeAncestorsPort ancestors,
            LoadCustomerTypeChildrenPort children,
            MeasureCustomerTypeSubtreePort subtree,
            LoadCustomerTypeDescendantsPort descendants,
            ExportCustomerTypesPort export,
            CustomerTypeNameTakenPort nameTaken,
            TransactionPort transaction) {

        /**
         * The ports from the stores that implement them together: one for a type's own rows, one for the
         * hierarchy around it.
         */
        public static <T extends LoadCustomerTypePort & SaveCustomerTypePort & DeleteCustomerTypePort
                        & FindCustomerTypesPort & CustomerTypeNameTakenPort,
                        H extends LoadCustomerTypeAncestorsPort & LoadCustomerTypeChildrenPort
                                & MeasureCustomerTypeSubtreePort & LoadCustomerTypeDescendantsPort
                                & ExportCustomerTypesPort>
                Ports of(LoadCompanyPort companies, T types, H hierarchy, TransactionPort transaction) {
            return new Ports(companies, types, types, types, types, hierarchy, hierarchy, hierarchy, hierarchy,
                    hierarchy, types, transaction);
        }
    }

    private final Ports ports;
    private final CompanyGuard companies;
    private final Authorization authorization = new Authorization();
    private final CustomerTypeHierarchyPolicy policy = new CustomerTypeHierarchyPolicy();
    private final Clock clock;

    public CustomerTypeService(Ports ports, Clock clock) {
        this.ports = ports;
        this.companies = new CompanyGuard(ports.loadCompany());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CustomerTypeView createCustomerType(CreateCustomerTypeCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_TYPE, Permission.ADD);
        CompanyId companyId = command.companyId();
        return ports.transaction().inTransaction(() -> {
            companies.requireCompany(companyId);
            if (ports.nameTaken().isCustomerTypeNameTaken(companyId, command.name())) {
                throw new DuplicateCustomerTypeNameException(companyId, command.name());
            }
            Placement placement =
                    command.parent() == null ? Placement.root() : placementUnder(companyId, command.parent());
            policy.checkCreate(command.status(), placement);
            CustomerType created = ports.save().insertCustomerType(new CustomerTypeDraft(
                    companyId, command.name(), command.status(), placement.parentKey(),
                    Audit.created(now(), command.caller().auditUser())));
            return view(created, placement);
        });
    }

    @Override
    public CustomerTypeView getCustomerType(GetCustomerTypeQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, query.permission());
        companies.requireCompany(query.companyId());
        return ports.load().loadCustomerTypeView(query.companyId(), query.key())
                .orElseThrow(() -> new CustomerTypeNotFoundException(query.companyId(), query.key()));
    }

    @Override
    public Page<CustomerTypeView> listCustomerTypes(ListCustomerTypesQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.find().findCustomerTypes(query.companyId(), Criteria.all(query.paging()));
    }

    @Override
    public Page<CustomerTypeReference> listCustomerTypeReferences(ListCustomerTypesQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.find().findCustomerTypeReferences(query.companyId(), query.paging());
    }

    @Override
    public CustomerTypeView updateCustomerType(UpdateCustomerTypeCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_TYPE, Permission.EDIT);
        CompanyId companyId = command.companyId();
        return ports.transaction().inTransaction(() -> {
            companies.requireCompany(companyId);
            CustomerType node = load(companyId, command.key());
            node.requireVersion(command.expectedVersion());
            CustomerTypeStatus finalStatus = command.newStatus().orElse(node.status());

            Placement placement;
            ParentChange change = command.parentChange().orElse(null);
            if (change == null) {
                placement = currentPlacement(companyId, node);
            } else {
                placement = change.newParent().map(ref -> placementUnder(companyId, ref)).orElse(Placement.root());
                if (!Objects.equals(placement.parentKey(), node.parentKey())) {
                    int height = ports.subtree().measureSubtreeHeight(companyId, node.key());
                    policy.checkMove(node, placement, height, finalStatus);
                }
            }
            if (finalStatus != node.status()) {
                policy.checkStatusChange(
                        node, finalStatus, placement, ports.children().loadChildren(companyId, node.key()));
            }
            if (finalStatus == node.status() && Objects.equals(placement.parentKey(), node.parentKey())) {
                return view(node, placement); // an update that changes nothing changes nothing, the audit included
            }

            Instant at = now();
            String user = command.caller().auditUser();
            CustomerType updated = node.moveTo(placement.parentKey(), at, user).withStatus(finalStatus, at, user);
            return view(ports.save().updateCustomerType(updated), placement);
        });
    }

    @Override
    public void deleteCustomerType(DeleteCustomerTypeCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_TYPE, Permission.DELETE);
        CompanyId companyId = command.companyId();
        ports.transaction().inTransaction(() -> {
            companies.requireCompany(companyId);
            CustomerType node = load(companyId, command.key());
            node.requireVersion(command.expectedVersion());
            policy.checkDelete(node, ports.children().loadChildren(companyId, node.key()));
            ports.delete().deleteCustomerType(companyId, node.key());
        });
    }

    @Override
    public Page<CustomerTypeView> queryCustomerTypes(QueryCustomerTypesQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.find().findCustomerTypes(query.companyId(), query.criteria());
    }

    @Override
    public List<AggregateValue> aggregateCustomerTypes(AggregateCustomerTypesQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.find().aggregateCustomerTypes(query.companyId(), query.filter(), query.aggregations());
    }

    @Override
    public List<CustomerTypeKey> getCustomerTypeLineage(GetCustomerTypeQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        List<CustomerType> lineage = lineage(query.companyId(), query.key());
        List<CustomerTypeKey> rootFirst = new ArrayList<>(lineage.size());
        for (int i = lineage.size() - 1; i >= 0; i--) {
            rootFirst.add(lineage.get(i).key());
        }
        return List.copyOf(rootFirst);
    }

    @Override
    public List<CustomerTypeAncestor> listCustomerTypeAncestors(ListCustomerTypeAncestorsQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        List<CustomerType> lineage = lineage(query.companyId(), query.key());
        List<CustomerTypeAncestor> ancestors = new ArrayList<>(lineage.size() - 1);
        for (int level = 1; level < lineage.size(); level++) {
            CustomerType ancestor = lineage.get(level);
            ancestors.add(new CustomerTypeAncestor(ancestor.key(), ancestor.name(), level));
        }
        return List.copyOf(ancestors);
    }

    /** The type and its ancestors, nearest first, from one snapshot. */
    private List<CustomerType> lineage(CompanyId companyId, CustomerTypeKey key) {
        companies.requireCompany(companyId);
        return ports.ancestors().loadLineage(companyId, key)
                .orElseThrow(() -> new CustomerTypeNotFoundException(companyId, key));
    }

    @Override
    public Page<CustomerTypeDescendant> listCustomerTypeDescendants(ListCustomerTypeDescendantsQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        companies.requireCompany(query.companyId());
        load(query.companyId(), query.key());
        return ports.descendants().loadDescendants(query.companyId(), query.key(), query.paging());
    }

    @Override
    public long exportCustomerTypes(ExportCustomerTypesQuery query, Consumer<CustomerTypeExportRow> rows) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_TYPE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.export().exportCustomerTypes(query.companyId(), rows);
    }

    /**
     * Checks the rows and the result against the stored types they touch (read in the write transaction: the types
     * they name, the chains above those, the children of a type they deactivate), then writes the rows that create
     * or change a type, each after its parent. A row that matches a type and changes nothing is counted in neither
     * total.
     */
    @Override
    public ImportResult importCustomerTypes(ImportCustomerTypesCommand command) {
        authorization.requireImport(command.caller(), command.companyId(), Resource.CUSTOMER_TYPE, command.mode());
        CompanyId companyId = command.companyId();
        String user = command.caller().auditUser();
        return ports.transaction().inTransaction(() -> {
            companies.requireCompany(companyId);
            CustomerTypeImport plan = new CustomerTypeImport(importStore(companyId));
            List<ImportProblem> problems = plan.check(command.rows(), command.mode());
            if (!problems.isEmpty()) {
                throw new ImportRejectedException(problems);
            }
            List<CustomerTypeImport.Node> changes = plan.changesParentsFirst();
            long created = changes.stream().filter(node -> node.storedKey == null).count();
            ImportResult result = new ImportResult(created, changes.size() - created);
            if (command.dryRun()) {
                return result;
            }
            Instant at = now();
            for (CustomerTypeImport.Node node : changes) {
                CustomerTypeImport.Node parent = plan.parent(node);
                CustomerTypeKey parentKey = parent == null ? null : parent.storedKey;
                if (node.storedKey == null) {
                    node.storedKey = ports.save().insertCustomerType(new CustomerTypeDraft(companyId, node.name,
                            node.status, parentKey, Audit.created(at, user))).key();
                } else {
                    ports.save().updateCustomerType(load(companyId, node.storedKey).moveTo(parentKey, at, user)
                            .withStatus(node.status, at, user));
                }
            }
            return result;
        });
    }

    private CustomerTypeImport.Store importStore(CompanyId companyId) {
        return new CustomerTypeImport.Store() {
            @Override
            public Optional<CustomerType> byName(Name name) {
                return ports.load().loadCustomerTypeByName(companyId, name);
            }

            @Override
            public List<CustomerType> ancestors(CustomerTypeKey key) {
                return ports.ancestors().loadAncestors(companyId, key);
            }

            @Override
            public List<CustomerType> children(CustomerTypeKey key) {
                return ports.children().loadChildren(companyId, key);
            }

            @Override
            public int height(CustomerTypeKey key) {
                return ports.subtree().measureSubtreeHeight(companyId, key);
            }
        };
    }

    private CustomerType load(CompanyId companyId, CustomerTypeKey key) {
        return ports.load().loadCustomerType(companyId, key)
                .orElseThrow(() -> new CustomerTypeNotFoundException(companyId, key));
    }

    /** Resolves a parent given by key and/or name, and loads its path to the root. */
    private Placement placementUnder(CompanyId companyId, ParentReference reference) {
        CustomerType byKey = reference.byKey()
                .map(key -> ports.load().loadCustomerType(companyId, key)
                        .orElseThrow(() -> new UnknownParentException(companyId, key, null)))
                .orElse(null);
        CustomerType byName = reference.byName()
                .map(name -> ports.load().loadCustomerTypeByName(companyId, name)
                        .orElseThrow(() -> new UnknownParentException(companyId, null, name)))
                .orElse(null);
        if (byKey != null && byName != null && !byKey.key().equals(byName.key())) {
            throw new ParentReferenceMismatchException(byKey.key(), reference.name(), byName.key());
        }
        CustomerType parent = byKey != null ? byKey : byName;
        return Placement.under(parent, ports.ancestors().loadAncestors(companyId, parent.key()));
    }

    private Placement currentPlacement(CompanyId companyId, CustomerType node) {
        if (node.isRoot()) {
            return Placement.root();
        }
        List<CustomerType> ancestors = ports.ancestors().loadAncestors(companyId, node.key());
        return new Placement(ancestors);
    }

    private static CustomerTypeView view(CustomerType type, Placement placement) {
        return new CustomerTypeView(type, placement.parent().map(CustomerType::name).orElse(null));
    }

    private Instant now() {
        return clock.instant();
    }
}
