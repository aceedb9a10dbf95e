package io.customerclassification.application.port.out.customertype;

import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.domain.shared.CompanyId;
import java.util.function.Consumer;

public interface ExportCustomerTypesPort {

    /**
     * Hands over every type of the company from one snapshot, each before its children (a type, then its subtree;
     * children by key), holding a bounded number of rows at a time whatever the company's size. Types that no chain
     * from a root reaches (only damaged data has them: a cycle) are not handed over.
     *
     * @return how many rows were handed over
     * @throws io.customerclassification.application.port.out.StoreBusyException when too many exports run at once
     */
    long exportCustomerTypes(CompanyId companyId, Consumer<CustomerTypeExportRow> rows);
}
