package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.adapter.jdbi.page.PageReader;
import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.ConstraintViolation;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.session.TableChanges;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.out.customertype.CustomerTypeNameTakenPort;
import io.customerclassification.application.port.out.customertype.DeleteCustomerTypePort;
import io.customerclassification.application.port.out.customertype.FindCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypePort;
import io.customerclassification.application.port.out.customertype.SaveCustomerTypePort;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeHasChildrenException;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The customer types' own rows over SQL ({@link CustomerTypeSql}): by key and name, their writes, which keep the
 * subtree heights ({@link Heights}) and record their changes for the page index, and the query service's pages and
 * aggregates. The hierarchy around a type is {@link CustomerTypeHierarchyAdapter}'s.
 */
public final class CustomerTypePersistenceAdapter implements LoadCustomerTypePort, SaveCustomerTypePort,
        DeleteCustomerTypePort, FindCustomerTypesPort, CustomerTypeNameTakenPort {

    /** The fields {@link CustomerTypeSql#UPDATE} may change (a move changes the parent's name too). */
    private static final Set<CustomerTypeField> UPDATES = Set.of(CustomerTypeField.STATUS,
            CustomerTypeField.PARENT_KEY, CustomerTypeField.PARENT_NAME, CustomerTypeField.MODIFIED_AT,
            CustomerTypeField.MODIFIED_BY);

    private final Session session;
    private final PageReader pages;

    public CustomerTypePersistenceAdapter(Session session, PageReader pages) {
        this.session = session;
        this.pages = pages;
    }

    @Override
    public Optional<CustomerType> loadCustomerType(CompanyId companyId, CustomerTypeKey key) {
        return session.read(jdbc -> jdbc.first(CustomerTypeSql.TYPE_BY_KEY, CustomerTypeSql::type, companyId.value(),
                key.value()));
    }

    @Override
    public Optional<CustomerTypeView> loadCustomerTypeView(CompanyId companyId, CustomerTypeKey key) {
        return session.read(jdbc -> jdbc.first(CustomerTypeSql.BY_KEY, CustomerTypeSql::row, companyId.value(),
                key.value())).map(CustomerTypeRow::view);
    }

    @Override
    public Optional<CustomerType> loadCustomerTypeByName(CompanyId companyId, Name name) {
        return session.read(jdbc -> jdbc.first(CustomerTypeSql.TYPE_BY_NAME, CustomerTypeSql::type,
                companyId.value(), name.key()));
    }

    @Override
    public boolean isCustomerTypeNameTaken(CompanyId companyId, Name name) {
        return session.read(jdbc -> jdbc.exists(CustomerTypeSql.NAME_TAKEN, companyId.value(), name.key()));
    }

    @Override
    public CustomerType insertCustomerType(CustomerTypeDraft draft) {
        long company = draft.companyId().value();
        Long parent = draft.parentKey() == null ? null : draft.parentKey().value();
        return session.write(jdbc -> {
            try {
                TableChanges changes = session.changing(CustomerTypeSql.TYPES, company);
                long key = jdbc.insert(CustomerTypeSql.INSERT, company, draft.name().value(), draft.name().key(),
                        CustomerTypeSql.status(draft.status()), parent,
                        draft.audit().createdAt().getEpochSecond(), draft.audit().createdBy(),
                        draft.audit().modifiedAt().getEpochSecond(), draft.audit().modifiedBy());
                changes.inserted();
                if (parent != null) {
                    Heights.raise(jdbc, company, parent, 1);
                }
                return draft.withKey(CustomerTypeKey.of(key));
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.UNIQUE)) {
                    throw new DuplicateCustomerTypeNameException(draft.companyId(), draft.name());
                }
                if (e.broke(Constraint.FOREIGN_KEY)) {
                    throw new UnknownParentException(draft.companyId(), draft.parentKey(), null);
                }
                throw e;
            }
        });
    }

    /** A move also raises the new parent's line and refreshes the old one's ({@link Heights}). */
    @Override
    public CustomerType updateCustomerType(CustomerType type) {
        long company = type.companyId().value();
        Long newParent = type.parentKey() == null ? null : type.parentKey().value();
        return session.write(jdbc -> {
            Optional<Heights.HeightAndParent> before = Heights.of(jdbc, company, type.key().value());
            TableChanges changes = session.changing(CustomerTypeSql.TYPES, company);
            Optional<Long> version;
            try {
                version = jdbc.first(CustomerTypeSql.UPDATE, row -> row.getLong(1),
                        CustomerTypeSql.status(type.status()), newParent, type.audit().modifiedAt().getEpochSecond(),
                        type.audit().modifiedBy(), company, type.key().value());
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.FOREIGN_KEY)) {
                    throw new UnknownParentException(type.companyId(), type.parentKey(), null);
                }
                throw e;
            }
            if (version.isEmpty()) {
                throw new CustomerTypeNotFoundException(type.companyId(), type.key());
            }
            changes.updated(UPDATES);
            Long oldParent = before.map(Heights.HeightAndParent::parent).orElse(null);
            if (!Objects.equals(oldParent, newParent)) {
                if (newParent != null) {
                    Heights.raise(jdbc, company, newParent, before.map(Heights.HeightAndParent::height).orElse(1));
                }
                if (oldParent != null) {
                    Heights.refresh(jdbc, company, oldParent);
                }
            }
            return type.atVersion(version.get());
        });
    }

    @Override
    public boolean deleteCustomerType(CompanyId companyId, CustomerTypeKey key) {
        long company = companyId.value();
        return session.write(jdbc -> {
            try {
                Long parent = Heights.of(jdbc, company, key.value()).map(Heights.HeightAndParent::parent).orElse(null);
                TableChanges changes = session.changing(CustomerTypeSql.TYPES, company);
                boolean deleted = jdbc.update(CustomerTypeSql.DELETE, company, key.value(), company, key.value()) > 0;
                if (deleted) {
                    changes.deleted();
                    if (parent != null) {
                        Heights.refresh(jdbc, company, parent);
                    }
                    return true;
                }
                List<CustomerType> children = CustomerTypeSql.children(jdbc, company, key.value());
                if (!children.isEmpty()) {
                    throw new CustomerTypeHasChildrenException(key, children.stream().map(CustomerType::key).toList());
                }
                return false;
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.FOREIGN_KEY)) {
                    throw new CustomerTypeHasChildrenException(key, List.of());
                }
                throw e;
            }
        });
    }

    @Override
    public Page<CustomerTypeView> findCustomerTypes(CompanyId companyId, Criteria criteria) {
        return pages.find(CustomerTypeSql.TYPES, companyId, criteria, rs -> CustomerTypeSql.row(rs).view());
    }

    @Override
    public Page<CustomerTypeReference> findCustomerTypeReferences(CompanyId companyId, Paging paging) {
        return pages.find(CustomerTypeSql.TYPE_REFERENCES, companyId, Criteria.all(paging),
                rs -> new CustomerTypeReference(CustomerTypeKey.of(rs.getLong(1)), Name.of(rs.getString(2))));
    }

    @Override
    public List<AggregateValue> aggregateCustomerTypes(CompanyId companyId, Filter filter,
            List<Aggregation> aggregations) {
        return pages.aggregate(CustomerTypeSql.TYPES, companyId, filter, aggregations);
    }
}
