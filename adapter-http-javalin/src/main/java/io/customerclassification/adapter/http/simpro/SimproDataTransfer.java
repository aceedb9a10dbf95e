package io.customerclassification.adapter.http.simpro;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.ExportStream;
import io.customerclassification.adapter.http.ImportBody;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customerprofile.CustomerProfileImportRow;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The export and import of a company's customer profiles (CONTRACT §3.3), in the Simpro dialect: the columns both
 * write and read, the two routes, and the rows of an import body for the server jar's {@code import} command too.
 */
public final class SimproDataTransfer {

    /** The columns of an export of profiles (and of an import, whose {@code ID} is read and ignored). */
    public static final List<ExportStream.Column<CustomerProfile>> EXPORT_COLUMNS = List.of(
            new ExportStream.Column<>("ID", profile -> profile.id().value()),
            new ExportStream.Column<>("Name", profile -> profile.name().value()),
            new ExportStream.Column<>("Archived", CustomerProfile::archived));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ExportCustomerProfilesUseCase export;
    private final ImportCustomerProfilesUseCase importer;
    private final BearerAuthentication authentication;
    private final SimproErrors errors = new SimproErrors(SimproDialect.MAPPER);

    SimproDataTransfer(ExportCustomerProfilesUseCase export, ImportCustomerProfilesUseCase importer,
            BearerAuthentication authentication) {
        this.export = export;
        this.importer = importer;
        this.authentication = authentication;
    }

    /**
     * Extension (CONTRACT §3.3): every profile of the company by id, as JSON or CSV by {@code Accept}, streamed. An
     * {@code Accept} naming neither is 406 before the company is looked up.
     */
    void exportProfiles(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = SimproDialect.companyId(ctx);
        String accept = ctx.header("Accept");
        ExportStream.Format format = ExportStream.Format.accepted(accept).orElseThrow(() -> SimproException.of(406,
                null, "Accept must allow application/json or text/csv.",
                accept == null ? null : NODES.textNode(accept)));
        ExportStream<CustomerProfile> out = new ExportStream<>(ctx, format, EXPORT_COLUMNS, SimproDialect.MAPPER);
        out.run(rows -> export.exportCustomerProfiles(
                new ExportCustomerProfilesQuery(caller, companyId), rows));
    }

    /**
     * Extension (CONTRACT §3.3): the rows of a JSON or CSV body, as the export writes them ({@code ID} ignored), all
     * or nothing; every problem of the rows in one 422.
     */
    void importProfiles(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = SimproDialect.companyId(ctx);
        List<SimproProblem> problems = new ArrayList<>();
        ImportMode mode = importMode(ctx.queryParam("mode"), problems);
        boolean dryRun = dryRun(ctx.queryParam("dryRun"), problems);
        if (!problems.isEmpty()) {
            throw new SimproException(422, problems);
        }
        String contentType = ctx.contentType();
        ImportBody.Format format = ImportBody.Format.of(contentType).orElseThrow(() -> SimproException.of(415, null,
                "Content-Type must be application/json or text/csv.", NODES.textNode(contentType)));
        List<CustomerProfileImportRow> rows = importRows(JsonBody.text(ctx), format);
        ImportResult result = importer.importCustomerProfiles(
                new ImportCustomerProfilesCommand(caller, companyId, rows, mode, dryRun));
        ObjectNode body = NODES.objectNode();
        body.put("created", result.created());
        body.put("updated", result.updated());
        ctx.status(200).contentType("application/json").result(errors.toJson(body));
    }

    /** The rows of an import of profiles, JSON or CSV, as the export writes them. */
    public static List<CustomerProfileImportRow> importRows(String text, ImportBody.Format format) {
        return ImportBody.rows(text, format, SimproDialect.MAPPER,
                EXPORT_COLUMNS.stream().map(ExportStream.Column::name).toList(), "Name", "ID").stream().map(row -> new CustomerProfileImportRow(row.get("Name"), row.get("Archived")))
                .toList();
    }

    /** The column an import problem names ({@code path} {@code /rows/{n}/<column>}). */
    public static String importColumn(ImportField field) {
        return field == ImportField.ARCHIVED ? "Archived" : "Name";
    }

    private static ImportMode importMode(String raw, List<SimproProblem> problems) {
        if (raw == null || raw.equals("create")) {
            return ImportMode.CREATE;
        }
        if (raw.equals("upsert")) {
            return ImportMode.UPSERT;
        }
        problems.add(new SimproProblem("/mode", "mode must be create or upsert.", NODES.textNode(raw)));
        return ImportMode.CREATE;
    }

    private static boolean dryRun(String raw, List<SimproProblem> problems) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        problems.add(new SimproProblem("/dryRun", "dryRun must be true or false.", NODES.textNode(raw)));
        return false;
    }

    /** The item's full representation has no variant; any other names its columns in order ({@code Name-ID}). */
}
