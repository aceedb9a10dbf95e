package io.customerclassification.application.port.out.customertype;

import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;

public interface FindCustomerTypesPort {

    /**
     * The company's types that match, in the criteria's order, within its window, with the total number of
     * matches. Fields come from {@link io.customerclassification.application.query.CustomerTypeField}.
     */
    Page<CustomerTypeView> findCustomerTypes(CompanyId companyId, Criteria criteria);

    /**
     * The keys and names of the company's types in key order, within the window, with the total: the same
     * page as {@code findCustomerTypes(companyId, Criteria.all(paging))}, without the rest of each type.
     */
    Page<CustomerTypeReference> findCustomerTypeReferences(CompanyId companyId, Paging paging);

    /** One value per aggregation, in order, over the company's types that match the filter. */
    List<AggregateValue> aggregateCustomerTypes(CompanyId companyId, Filter filter, List<Aggregation> aggregations);
}
