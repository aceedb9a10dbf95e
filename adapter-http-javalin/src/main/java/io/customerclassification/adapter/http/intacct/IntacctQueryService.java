package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesQuery;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Page;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sage Intacct's query service ({@code POST /services/core/query}) over customer types: a request parsed by
 * {@link QueryRequest}, answered with the fields it names or the aggregates it asks for, and with
 * {@code ia::hierarchy} when its filter parameters ask for it. Dates without a zone and date macros are read in UTC
 * as of today by {@code clock}.
 */
final class IntacctQueryService {

    private final IntacctDialect.UseCases useCases;
    private final BearerAuthentication authentication;
    private final Clock clock;

    IntacctQueryService(IntacctDialect.UseCases useCases, BearerAuthentication authentication, Clock clock) {
        this.useCases = useCases;
        this.authentication = authentication;
        this.clock = clock;
    }

    void query(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = IntacctDialect.companyId(ctx, caller);
        QueryRequest request = QueryRequest.parse(IntacctJson.read(IntacctDialect.body(ctx, "POST")),
                LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC));
        if (!request.aggregates().isEmpty()) {
            List<AggregateValue> values = useCases.aggregate().aggregateCustomerTypes(new AggregateCustomerTypesQuery(
                    caller, company, request.filter(),
                    request.aggregates().stream().map(QueryRequest.Labelled::aggregation).toList()));
            ObjectNode row = IntacctJson.NODES.objectNode();
            for (int i = 0; i < values.size(); i++) {
                QueryRequest.Labelled aggregate = request.aggregates().get(i);
                row.set(aggregate.label(), QueryRows.aggregate(aggregate.field(), values.get(i)));
            }
            ArrayNode result = IntacctJson.NODES.arrayNode().add(row);
            IntacctJson.writePage(ctx, IntacctJson.tree(result), 1, 1, request.size());
            return;
        }
        Page<CustomerTypeView> page = useCases.query().queryCustomerTypes(new QueryCustomerTypesQuery(caller, company,
                new Criteria(request.filter(), request.sort(), request.paging(),
                        request.fields().stream().filter(f -> f.field() != null)
                                .<io.customerclassification.application.query.QueryField>map(IntacctField::field)
                                .toList())));
        Company entity = useCases.getCompany().getCompany(new GetCompanyQuery(caller, company));
        ArrayNode result = IntacctJson.NODES.arrayNode();
        for (CustomerTypeView view : page.items()) {
            ObjectNode row = QueryRows.row(view, entity, request.fields());
            if (request.includeHierarchy()) {
                List<CustomerTypeKey> lineage = useCases.lineage().getCustomerTypeLineage(
                        new GetCustomerTypeQuery(caller, company, view.type().key()));
                ObjectNode hierarchy = row.putObject("ia::hierarchy");
                hierarchy.put("depth", lineage.size());
                ArrayNode path = hierarchy.putArray("path");
                lineage.forEach(k -> path.add(k.toString()));
            }
            result.add(row);
        }
        IntacctJson.writePage(ctx, IntacctJson.tree(result), page.total(), request.start(), request.size());
    }
}
