package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.ExportStream;
import io.customerclassification.adapter.http.ImportBody;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesUseCase;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The export and import of an entity's customer types (CONTRACT §3.3), in the Intacct dialect: the columns both
 * write and read, the two routes, and the rows of an import body for the server jar's {@code import} command too.
 */
public final class IntacctDataTransfer {

    /** The columns of an export of types (and of an import, whose {@code key} is read and ignored). */
    public static final List<ExportStream.Column<CustomerTypeExportRow>> EXPORT_COLUMNS = List.of(
            new ExportStream.Column<>("key", row -> row.key().toString()),
            new ExportStream.Column<>("id", row -> row.name().value()),
            new ExportStream.Column<>("status", row -> row.status().name().toLowerCase(Locale.ROOT)),
            new ExportStream.Column<>("parentId", row -> row.parentName() == null ? null : row.parentName().value()));

    private final ExportCustomerTypesUseCase export;
    private final ImportCustomerTypesUseCase importer;
    private final BearerAuthentication authentication;

    IntacctDataTransfer(ExportCustomerTypesUseCase export, ImportCustomerTypesUseCase importer,
            BearerAuthentication authentication) {
        this.export = export;
        this.importer = importer;
        this.authentication = authentication;
    }

    /**
     * Extension (CONTRACT §3.3): every type of the entity, parents before children, as JSON or CSV by
     * {@code Accept}, streamed. An {@code Accept} naming neither is 406 before the entity is looked up.
     */
    void export(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = IntacctDialect.companyId(ctx, caller);
        String accept = ctx.header("Accept");
        ExportStream.Format format = ExportStream.Format.accepted(accept)
                .orElseThrow(() -> new IntacctException(IntacctCodes.notAcceptable(accept)));
        ExportStream<CustomerTypeExportRow> out = new ExportStream<>(ctx, format, EXPORT_COLUMNS, IntacctJson.MAPPER);
        out.run(rows -> export.exportCustomerTypes(new ExportCustomerTypesQuery(caller, company), rows));
    }

    /**
     * Extension (CONTRACT §3.3): the rows of a JSON or CSV body, as the export writes them ({@code key} ignored), all
     * or nothing; every problem of the rows in one 422.
     */
    void importRows(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = IntacctDialect.companyId(ctx, caller);
        ImportMode mode = switch (queryWord(ctx, "mode", "create", List.of("create", "upsert"))) {
            case "upsert" -> ImportMode.UPSERT;
            default -> ImportMode.CREATE;
        };
        boolean dryRun = queryWord(ctx, "dryRun", "false", List.of("true", "false")).equals("true");
        String contentType = ctx.contentType();
        ImportBody.Format format = ImportBody.Format.of(contentType).orElseThrow(() -> new IntacctException(
                IntacctCodes.refused(415, "Content-Type must be application/json or text/csv, was " + contentType)));
        List<CustomerTypeImportRow> rows = importRows(JsonBody.text(ctx), format);
        ImportResult result = importer.importCustomerTypes(
                new ImportCustomerTypesCommand(caller, company, rows, mode, dryRun));
        long total = result.created() + result.updated();
        IntacctJson.write(ctx, 200, IntacctJson.NODES.objectNode()
                .<ObjectNode>set("ia::result", IntacctJson.NODES.objectNode()
                        .put("created", result.created()).put("updated", result.updated()))
                .set("ia::meta", IntacctJson.NODES.objectNode()
                        .put("totalCount", total).put("totalSuccess", total).put("totalError", 0)));
    }

    /** The rows of an import of types, JSON or CSV, as the export writes them. */
    public static List<CustomerTypeImportRow> importRows(String text, ImportBody.Format format) {
        return ImportBody.rows(text, format, IntacctJson.MAPPER,
                EXPORT_COLUMNS.stream().map(ExportStream.Column::name).toList(), "id", "key").stream()
                .map(row -> new CustomerTypeImportRow(row.get("id"), row.get("status"), row.get("parentId")))
                .toList();
    }

    /** The column an import problem names ({@code target} {@code /rows/{n}/<column>}). */
    public static String importColumn(ImportField field) {
        return switch (field) {
            case NAME -> "id";
            case STATUS -> "status";
            case PARENT -> "parentId";
            case ARCHIVED -> "Archived";
        };
    }

    /** A query parameter that is one of {@code words}; {@code fallback} without it. */
    private static String queryWord(Context ctx, String name, String fallback, List<String> words) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        if (!words.contains(raw)) {
            throw new IntacctException(IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidValue(name,
                    name + " must be " + String.join(" or ", words) + ", was " + raw))));
        }
        return raw;
    }
}
