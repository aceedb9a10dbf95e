package io.customerclassification.application.port.in.customerprofile;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.validation.SelfValidation;
import io.customerclassification.domain.shared.CompanyId;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Customer profiles to create (and with {@link ImportMode#UPSERT} to update).
 *
 * @param dryRun check everything and write nothing
 */
public record ImportCustomerProfilesCommand(@NotNull Caller caller, @NotNull CompanyId companyId,
        @NotNull List<CustomerProfileImportRow> rows, @NotNull ImportMode mode, boolean dryRun) {

    public ImportCustomerProfilesCommand(Caller caller, CompanyId companyId, List<CustomerProfileImportRow> rows,
            ImportMode mode, boolean dryRun) {
        this.caller = caller;
        this.companyId = companyId;
        this.rows = rows == null ? null : List.copyOf(rows);
        this.mode = mode;
        this.dryRun = dryRun;
        SelfValidation.validate(this);
    }
}
