package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.model.CustomerTypeExportRow;
import java.util.function.Consumer;

/**
 * Every customer type of a company, handed over one at a time from one snapshot, parents before their children (a
 * type, then its subtree, children by key), so that importing the rows in order never names a parent not yet seen.
 * Memory stays flat however many types there are.
 */
public interface ExportCustomerTypesUseCase {

    /**
     * @param rows takes each row; what it throws stops the export and is thrown on
     * @return how many rows were handed over
     * @throws io.customerclassification.domain.company.CompanyNotFoundException before any row
     * @throws io.customerclassification.application.port.out.StoreBusyException before any row, when too many
     *     exports run at once
     */
    long exportCustomerTypes(ExportCustomerTypesQuery query, Consumer<CustomerTypeExportRow> rows);
}
