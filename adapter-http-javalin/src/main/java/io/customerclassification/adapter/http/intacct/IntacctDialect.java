package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.core.JsonGenerator;
import io.customerclassification.adapter.http.AllowedMethods;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.EntityTags;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.IdempotencyKeys;
import io.customerclassification.adapter.http.RequestIds;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.application.model.CustomerTypeAncestor;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.GetCompanyUseCase;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeLineageUseCase;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeReferencesUseCase;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeUseCase;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestUseCase;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Customer types with the REST contract of Sage Intacct's {@code accounts-receivable/customer-type} object and
 * its query service (CONTRACT §2), under both the short and the {@code /ia/api/v1} base paths.
 */
public final class IntacctDialect implements HttpDialect {

    static final String ENTITY_HEADER = "X-IA-API-Param-Entity";
    private static final List<String> PREFIXES = List.of("", "/ia/api/v1");
    private static final String OBJECT_PATH = "/objects/accounts-receivable/customer-type";
    public static final String QUERY_PATH = "/services/core/query";
    private static final Pattern DIGITS_18 = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DIGITS_10 = Pattern.compile("[0-9]{1,10}");
    private static final List<String> OWNED = List.of("/objects", "/services", "/ia/api/v1");
    /**
     * The in-ports this dialect drives. {@code getCompany} reads the name of a company for the {@code entity} field,
     * once a customer type use case has checked the company.
     */
    public record UseCases(
            CreateCustomerTypeUseCase create,
            GetCustomerTypeUseCase get,
            ListCustomerTypeReferencesUseCase list,
            UpdateCustomerTypeUseCase update,
            DeleteCustomerTypeUseCase delete,
            QueryCustomerTypesUseCase query,
            AggregateCustomerTypesUseCase aggregate,
            GetCustomerTypeLineageUseCase lineage,
            ListCustomerTypeAncestorsUseCase ancestors,
            ListCustomerTypeDescendantsUseCase descendants,
            ExportCustomerTypesUseCase export,
            ImportCustomerTypesUseCase importRows,
            GetCompanyUseCase getCompany,
            RunIdempotentRequestUseCase idempotency) {

        /** The in-ports from what implements the customer type use cases together, and the company one. */
        public static <T extends CreateCustomerTypeUseCase & GetCustomerTypeUseCase & ListCustomerTypeReferencesUseCase
                        & UpdateCustomerTypeUseCase & DeleteCustomerTypeUseCase & QueryCustomerTypesUseCase
                        & AggregateCustomerTypesUseCase & GetCustomerTypeLineageUseCase
                        & ListCustomerTypeAncestorsUseCase & ListCustomerTypeDescendantsUseCase
                        & ExportCustomerTypesUseCase & ImportCustomerTypesUseCase>
                UseCases of(T types, GetCompanyUseCase companies, RunIdempotentRequestUseCase idempotency) {
            return new UseCases(types, types, types, types, types, types, types, types, types, types, types, types,
                    companies, idempotency);
        }
    }

    private final UseCases useCases;
    private final BearerAuthentication authentication;
    private final IntacctErrors errors = new IntacctErrors();
    private final IntacctDataTransfer dataTransfer;
    private final IntacctQueryService queryService;

    public IntacctDialect(UseCases useCases, BearerAuthentication authentication, Clock clock) {
        this.useCases = useCases;
        this.authentication = authentication;
        this.queryService = new IntacctQueryService(useCases, authentication, clock);
        this.dataTransfer = new IntacctDataTransfer(useCases.export(), useCases.importRows(), authentication);
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String prefix : PREFIXES) {
            String collection = prefix + OBJECT_PATH;
            String item = collection + "/{key}";
            String descendants = item + "/descendants";
            String ancestors = item + "/ancestors";
            String export = collection + "/export";
            String importPath = collection + "/import";
            String query = prefix + QUERY_PATH;
            allowOnly(routes, collection, List.of(HandlerType.GET, HandlerType.POST));
            allowOnly(routes, export, List.of(HandlerType.GET));
            allowOnly(routes, importPath, List.of(HandlerType.POST));
            allowOnly(routes, item, List.of(HandlerType.GET, HandlerType.PATCH, HandlerType.DELETE));
            allowOnly(routes, descendants, List.of(HandlerType.GET));
            allowOnly(routes, ancestors, List.of(HandlerType.GET));
            allowOnly(routes, query, List.of(HandlerType.POST));
            routes.get(collection, this::list);
            routes.post(collection, this::create);
            // Before the item route, whose path it would otherwise match as key "export".
            routes.get(export, dataTransfer::export);
            routes.post(importPath, dataTransfer::importRows);
            routes.get(item, this::get);
            routes.patch(item, this::update);
            routes.delete(item, this::delete);
            routes.get(descendants, this::descendants);
            routes.get(ancestors, this::ancestors);
            routes.post(query, queryService::query);
        }
    }

    /** Refuses other methods on {@code path}, then who calls is known before anything else is looked at. */
    private void allowOnly(RoutesConfig routes, String path, List<HandlerType> allowed) {
        AllowedMethods.guard(routes, path, allowed,
                (method, allow) -> new IntacctException(IntacctCodes.methodNotAllowed(method, allow)),
                authentication::caller);
    }

    @Override
    public boolean owns(String path) {
        return OWNED.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    @Override
    public void refuse(Context ctx, int status, String message) {
        errors.render(new IntacctException(IntacctCodes.refused(status, message)), ctx);
    }

    @Override
    public void renderException(Exception exception, Context ctx) {
        errors.render(exception, ctx);
    }

    @Override
    public void renderNotFound(Context ctx) {
        errors.renderNotFound(ctx);
    }

    @Override
    public String refusalBody(int status, String reason) {
        return refusalBody(status, reason, RequestIds.make());
    }

    /** The refusal's {@code supportId} is the request's id. */
    @Override
    public String refusalBody(int status, String reason, String requestId) {
        return errors.refusalBody(status, reason, requestId);
    }

    // ---- the object

    private void list(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = companyId(ctx, caller);
        int start = queryInteger(ctx, "start", 1, Integer.MAX_VALUE);
        int size = queryInteger(ctx, "size", QueryRequest.DEFAULT_SIZE, Paging.MAX_LIMIT);
        Page<CustomerTypeReference> page = useCases.list().listCustomerTypeReferences(
                new ListCustomerTypesQuery(caller, company, Paging.of(start - 1L, size)));
        writeList(ctx, page, start, size,
                (json, reference) -> IntacctJson.writeReference(json, reference.key(), reference.name()));
    }

    /** Extension: the subtree below a type, level by level and by key within a level, paged like the list. */
    private void descendants(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = companyId(ctx, caller);
        CustomerTypeKey key = key(ctx);
        int start = queryInteger(ctx, "start", 1, Integer.MAX_VALUE);
        int size = queryInteger(ctx, "size", QueryRequest.DEFAULT_SIZE, Paging.MAX_LIMIT);
        Page<CustomerTypeDescendant> page = useCases.descendants().listCustomerTypeDescendants(
                new ListCustomerTypeDescendantsQuery(caller, company, key, Paging.of(start - 1L, size)));
        writeList(ctx, page, start, size, IntacctJson::writeDescendant);
    }

    /** Extension: the path from a type's parent up to its root, nearest first, in one unpaged list. */
    private void ancestors(Context ctx) {
        Caller caller = authentication.caller(ctx);
        List<CustomerTypeAncestor> ancestors = useCases.ancestors().listCustomerTypeAncestors(
                new ListCustomerTypeAncestorsQuery(caller, companyId(ctx, caller), key(ctx)));
        writeList(ctx, new Page<>(ancestors, ancestors.size()), 1, ancestors.size(), IntacctJson::writeAncestor);
    }

    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    /** A page of a list route: its items in {@code ia::result}, its paging in {@code ia::meta}. */
    private static <T> void writeList(Context ctx, Page<T> page, int start, int size, ItemWriter<T> writer) {
        IntacctJson.writePage(ctx, json -> {
            json.writeStartArray();
            for (T item : page.items()) {
                writer.write(json, item);
            }
            json.writeEndArray();
        }, page.total(), start, size);
    }

    /**
     * With an {@code Idempotency-Key}, a retry of the same body for the same entity gets the first answer again
     * (CONTRACT §3.2), a refusal included.
     */
    private void create(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = companyId(ctx, caller);
        Optional<String> key = IdempotencyKeys.key(ctx,
                sent -> new IntacctException(IntacctCodes.invalidIdempotencyKey()));
        IdempotencyKeys.answer(ctx, key, useCases.idempotency(), caller, Resource.CUSTOMER_TYPE,
                "intacct POST customer-type", company, () -> created(ctx, caller, company),
                refusal -> errors.finalAnswer(refusal, ctx));
    }

    /** Creates the type the body describes: 201 and its reference. */
    private RecordedAnswer created(Context ctx, Caller caller, CompanyId company) {
        TypePayload payload = TypePayload.parse(body(ctx, "POST"), TypePayload.Operation.CREATE, null);
        CustomerTypeView created = useCases.create().createCustomerType(new CreateCustomerTypeCommand(caller, company,
                payload.name(), payload.status() == null ? CustomerTypeStatus.ACTIVE : payload.status(),
                payload.parent() == null ? null : payload.parent().newParent().orElse(null)));
        return new RecordedAnswer(201, Map.of("Content-Type", "application/json"), IntacctJson.single(
                json -> IntacctJson.writeReference(json, created.type().key(), created.type().name())));
    }

    /** With its ETag; 304 without a body when {@code If-None-Match} names it. */
    private void get(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = companyId(ctx, caller);
        CustomerTypeView view = useCases.get().getCustomerType(new GetCustomerTypeQuery(caller, company, key(ctx)));
        String tag = etag(view.type());
        ctx.header(EntityTags.ETAG, tag);
        if (EntityTags.condition(ctx, EntityTags.IF_NONE_MATCH).names(tag)) {
            ctx.status(304);
            return;
        }
        Company entity = entity(caller, company);
        IntacctJson.writeSingle(ctx, 200, json -> IntacctJson.writeFull(json, view, entity));
    }

    /**
     * The current type comes first: an unknown key is 404, and an {@code If-Match} it does not meet 412, before the
     * body is read; a PATCH may repeat the current id but not change it. Reading it to change it needs {@code edit},
     * not {@code view}. The version {@code If-Match} admitted is checked again in the write transaction, so a change
     * made in between is 412 too.
     */
    private void update(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = companyId(ctx, caller);
        CustomerTypeKey key = key(ctx);
        CustomerTypeView current = useCases.get().getCustomerType(
                new GetCustomerTypeQuery(caller, company, key, Permission.EDIT));
        Long expected = expectedVersion(ctx, current.type());
        TypePayload payload = TypePayload.parse(body(ctx, "PATCH"), TypePayload.Operation.UPDATE,
                current.type().name());
        CustomerTypeView updated = useCases.update().updateCustomerType(
                new UpdateCustomerTypeCommand(caller, company, key, payload.status(), payload.parent(), expected));
        ctx.header(EntityTags.ETAG, etag(updated.type()));
        IntacctJson.writeSingle(ctx, 200, json -> IntacctJson.writeReference(json, updated.type().key(), updated.type().name()));
    }

    private void delete(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId company = companyId(ctx, caller);
        CustomerTypeKey key = key(ctx);
        Long expected = null;
        if (EntityTags.condition(ctx, EntityTags.IF_MATCH).isPresent()) {
            expected = expectedVersion(ctx, useCases.get().getCustomerType(
                    new GetCustomerTypeQuery(caller, company, key, Permission.DELETE)).type());
        }
        useCases.delete().deleteCustomerType(new DeleteCustomerTypeCommand(caller, company, key, expected));
        ctx.status(204);
    }

    private static String etag(CustomerType type) {
        return EntityTags.of(type.key().value(), type.version());
    }

    /**
     * The version a change is based on: the current one when {@code If-Match} names its tag, none without the header
     * or with {@code *}.
     *
     * @throws IntacctException 412 when {@code If-Match} names no tag of the current version
     */
    private static Long expectedVersion(Context ctx, CustomerType current) {
        EntityTags.Condition ifMatch = EntityTags.condition(ctx, EntityTags.IF_MATCH);
        if (!ifMatch.admits(current.key().value(), current.version())) {
            throw new IntacctException(IntacctCodes.preconditionFailed(current.key().value(), current.version()));
        }
        return ifMatch.isPresent() && !ifMatch.isAny() ? current.version() : null;
    }

    // ---- helpers

    /**
     * The company the entity header names; without one, the company the caller's token is limited to, else company 0
     * (CONTRACT §2). Whether the caller may use it, and whether it exists, are the use case's to check; a header that
     * is no company id at all is refused here.
     */
    static CompanyId companyId(Context ctx, Caller caller) {
        String entity = ctx.header(ENTITY_HEADER);
        if (entity == null) {
            return caller.limitedToCompany().orElse(CompanyId.DEFAULT);
        }
        String trimmed = entity.strip();
        if (!DIGITS_18.matcher(trimmed).matches()) {
            throw new IntacctException(IntacctCodes.entityNotFound(entity));
        }
        return CompanyId.of(Long.parseLong(trimmed));
    }

    /** The company of the {@code entity} field, read once the use case has found the company. */
    private Company entity(Caller caller, CompanyId company) {
        return useCases.getCompany().getCompany(new GetCompanyQuery(caller, company));
    }

    private static CustomerTypeKey key(Context ctx) {
        String raw = ctx.pathParam("key");
        if (!DIGITS_18.matcher(raw).matches() || Long.parseLong(raw) == 0) {
            throw new IntacctException(IntacctCodes.notFound("Customer type with key " + raw + " does not exist"));
        }
        return CustomerTypeKey.of(Long.parseLong(raw));
    }

    private static int queryInteger(Context ctx, String name, int fallback, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        String digits = raw.strip();
        if (DIGITS_10.matcher(digits).matches() && Long.parseLong(digits) >= 1 && Long.parseLong(digits) <= max) {
            return Integer.parseInt(digits);
        }
        throw QueryRequest.badPaging(name, max, raw);
    }

    static String body(Context ctx, String operation) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw new IntacctException(IntacctCodes.unsupportedMediaType(contentType));
            }
        }
        String body = JsonBody.text(ctx);
        if (body == null || body.isBlank()) {
            throw new IntacctException(IntacctCodes.noPayload(operation));
        }
        return body;
    }
}
