package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.dataimport.ImportResult;

/**
 * Creates (and updates) customer types from rows, all or nothing, in one transaction (CONTRACT §3.3). Every row is
 * checked before anything is written, and the hierarchy rules for the company's types as they would be after the
 * import: a parent that exists nowhere, a cycle, a chain deeper than the limit or an active type under an inactive
 * one is a problem of the row that causes it.
 */
public interface ImportCustomerTypesUseCase {

    /**
     * @return what was created and updated (on a dry run: what would be)
     * @throws io.customerclassification.application.port.in.dataimport.ImportRejectedException with every problem
     *     of the rows; nothing is written
     * @throws io.customerclassification.domain.company.CompanyNotFoundException before any row is read
     */
    ImportResult importCustomerTypes(ImportCustomerTypesCommand command);
}
