package io.customerclassification.application.port.in.customertype;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Customer types to create (and with {@link ImportMode#UPSERT} to update), in any order: a row may name a parent
 * listed after it.
 *
 * @param dryRun check everything and write nothing
 */
public record ImportCustomerTypesCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull List<CustomerTypeImportRow> rows, @NotNull ImportMode mode, boolean dryRun) {

    public ImportCustomerTypesCommand(Caller caller, CompanyId companyId, List<CustomerTypeImportRow> rows,
            ImportMode mode, boolean dryRun) {
        this.caller = caller;
        this.companyId = companyId;
        this.rows = rows == null ? null : List.copyOf(rows);
        this.mode = mode;
        this.dryRun = dryRun;
        SelfValidation.validate(this);
    }
}
