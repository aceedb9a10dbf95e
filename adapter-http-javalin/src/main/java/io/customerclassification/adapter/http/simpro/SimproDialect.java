package io.customerclassification.adapter.http.simpro;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.AllowedMethods;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.EntityTags;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.IdempotencyKeys;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.GetCompanyUseCase;
import io.customerclassification.application.port.in.company.ListCompaniesUseCase;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileUseCase;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestUseCase;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Customer profiles with the REST contract of Simpro's {@code setup/customerProfiles} API (CONTRACT §1), and
 * Simpro's company routes. Owns every path under {@code /api/v1.0/}.
 */
public final class SimproDialect implements HttpDialect {

    static final String PREFIX = "/api/v1.0";
    private static final String COMPANIES = PREFIX + "/companies";
    private static final String COMPANY = COMPANIES + "/{companyID}";
    private static final String PROFILES = COMPANY + "/setup/customerProfiles";
    private static final String PROFILE = PROFILES + "/{customerProfileID}";
    private static final String EXPORT = PROFILES + "/export";
    private static final String IMPORT = PROFILES + "/import";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The in-ports this dialect drives. */
    public record UseCases(
            CreateCustomerProfileUseCase create,
            GetCustomerProfileUseCase get,
            ListCustomerProfilesUseCase list,
            UpdateCustomerProfileUseCase update,
            DeleteCustomerProfileUseCase delete,
            ExportCustomerProfilesUseCase export,
            ImportCustomerProfilesUseCase importRows,
            ListCompaniesUseCase listCompanies,
            GetCompanyUseCase getCompany,
            RunIdempotentRequestUseCase idempotency) {

        /** The in-ports from what implements the profile use cases together, and the company ones. */
        public static <P extends CreateCustomerProfileUseCase & GetCustomerProfileUseCase & ListCustomerProfilesUseCase
                        & UpdateCustomerProfileUseCase & DeleteCustomerProfileUseCase & ExportCustomerProfilesUseCase
                        & ImportCustomerProfilesUseCase,
                        C extends ListCompaniesUseCase & GetCompanyUseCase>
                UseCases of(P profiles, C companies, RunIdempotentRequestUseCase idempotency) {
            return new UseCases(profiles, profiles, profiles, profiles, profiles, profiles, profiles, companies,
                    companies, idempotency);
        }
    }

    private final UseCases useCases;
    private final BearerAuthentication authentication;
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final SimproErrors errors = new SimproErrors(MAPPER);
    private final SimproDataTransfer dataTransfer;

    public SimproDialect(UseCases useCases, BearerAuthentication authentication) {
        this.useCases = useCases;
        this.authentication = authentication;
        this.dataTransfer = new SimproDataTransfer(useCases.export(), useCases.importRows(), authentication);
    }

    @Override
    public void register(RoutesConfig routes) {
        allowOnly(routes, COMPANIES, List.of(HandlerType.GET));
        allowOnly(routes, COMPANY, List.of(HandlerType.GET));
        allowOnly(routes, PROFILES, List.of(HandlerType.GET, HandlerType.POST));
        allowOnly(routes, EXPORT, List.of(HandlerType.GET));
        allowOnly(routes, IMPORT, List.of(HandlerType.POST));
        allowOnly(routes, PROFILE, List.of(HandlerType.GET, HandlerType.PATCH, HandlerType.DELETE));
        routes.get(COMPANIES, this::listCompanies);
        routes.get(COMPANY, this::getCompany);
        routes.get(PROFILES, this::listProfiles);
        routes.post(PROFILES, this::createProfile);
        // Before the item route, whose path it would otherwise match as profile "export".
        routes.get(EXPORT, dataTransfer::exportProfiles);
        routes.post(IMPORT, dataTransfer::importProfiles);
        routes.get(PROFILE, this::getProfile);
        routes.patch(PROFILE, this::updateProfile);
        routes.delete(PROFILE, this::deleteProfile);
    }

    /** Refuses other methods on {@code path}, then who calls is known before anything else is looked at. */
    private void allowOnly(RoutesConfig routes, String path, List<HandlerType> allowed) {
        AllowedMethods.guard(routes, path, allowed, (method, allow) -> SimproException.of(405, null,
                "Method " + method + " is not allowed here; allowed: " + allow + ".", null), authentication::caller);
    }

    @Override
    public boolean owns(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public void refuse(Context ctx, int status, String message) {
        errors.write(ctx, status, List.of(new SimproProblem(null, message, null)));
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
        return errors.body(List.of(new SimproProblem(null, reason, null)));
    }

    // ---- companies

    private void listCompanies(Context ctx) {
        Caller caller = authentication.caller(ctx);
        ArrayNode body = NODES.arrayNode();
        for (Company company : useCases.listCompanies().listCompanies(caller)) {
            body.add(company(company));
        }
        json(ctx, 200, body);
    }

    private void getCompany(Context ctx) {
        Caller caller = authentication.caller(ctx);
        json(ctx, 200, company(useCases.getCompany().getCompany(new GetCompanyQuery(caller, companyId(ctx)))));
    }

    private static ObjectNode company(Company company) {
        ObjectNode node = NODES.objectNode();
        node.put("ID", company.id().value());
        node.put("Name", company.name().value());
        return node;
    }

    // ---- customer profiles

    private void listProfiles(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        SimproListQuery query = SimproListQuery.parse(ctx.queryParamMap());
        long offset = (long) (query.page() - 1) * query.pageSize();
        Page<CustomerProfile> page = useCases.list().listCustomerProfiles(new ListCustomerProfilesQuery(caller,
                companyId,
                new Criteria(query.filter(), query.sort(), Paging.of(offset, query.pageSize()),
                        query.columns().stream().<QueryField>map(SimproColumn::field).toList())));
        long total = query.limit() == null ? page.total() : Math.min(page.total(), query.limit());
        int visible = (int) Math.max(0, Math.min(page.items().size(), total - offset));
        List<CustomerProfile> rows = page.items().subList(0, visible);
        long pages = (total + query.pageSize() - 1) / query.pageSize();

        ArrayNode body = NODES.arrayNode();
        rows.forEach(profile -> body.add(profile(profile, query.columns())));
        ctx.header("Result-Total", Long.toString(total));
        ctx.header("Result-Pages", Long.toString(pages));
        ctx.header("Result-Count", Integer.toString(rows.size()));
        ctx.header("Link", links(ctx, query.page(), pages));
        json(ctx, 200, body);
    }

    /**
     * With an {@code Idempotency-Key}, a retry of the same body for the same company gets the first answer again
     * (CONTRACT §3.2), a refusal included.
     */
    private void createProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        Optional<String> key = IdempotencyKeys.key(ctx, sent -> SimproException.of(422, null,
                "Idempotency-Key must be one header of 1 to 255 visible ASCII characters.", NODES.textNode(sent)));
        IdempotencyKeys.answer(ctx, key, useCases.idempotency(), caller, Resource.CUSTOMER_PROFILE,
                "simpro POST customerProfiles", companyId, () -> created(ctx, caller, companyId),
                refusal -> errors.finalAnswer(refusal, ctx));
    }

    /** Creates the profile the body describes: 201, the profile and its headers. */
    private RecordedAnswer created(Context ctx, Caller caller, CompanyId companyId) {
        SimproBody body = SimproBody.parse(MAPPER, jsonBody(ctx), SimproBody.Operation.POST);
        CustomerProfile created = useCases.create().createCustomerProfile(new CreateCustomerProfileCommand(caller,
                companyId, body.name(), Boolean.TRUE.equals(body.archived())));
        String base = collectionUri(companyId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", base + created.id());
        headers.put("Resource-ID", created.id().toString());
        headers.put("Resource-Base-URI", base);
        headers.put("Content-Type", "application/json");
        return new RecordedAnswer(201, headers, errors.toJson(profile(created, List.of(SimproColumn.values())))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * With the ETag of the representation asked for (the columns and their order are part of it); 304 without a body
     * when {@code If-None-Match} names it.
     */
    private void getProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        List<SimproProblem> problems = new ArrayList<>();
        List<SimproColumn> columns =
                SimproListQuery.columns(ctx.queryParamMap(), List.of(SimproColumn.values()), problems);
        CustomerProfile profile = useCases.get().getCustomerProfile(new GetCustomerProfileQuery(caller,
                companyId, profileId(ctx)));
        if (!problems.isEmpty()) {
            throw new SimproException(422, problems);
        }
        String tag = EntityTags.of(profile.id().value(), profile.version(), variant(columns));
        ctx.header(EntityTags.ETAG, tag);
        if (EntityTags.condition(ctx, EntityTags.IF_NONE_MATCH).names(tag)) {
            ctx.status(304);
            return;
        }
        json(ctx, 200, profile(profile, columns));
    }

    /**
     * An unknown profile is 404, and an {@code If-Match} it does not meet 412, before any problem of the body; reading
     * it to change it needs {@code edit}. The version {@code If-Match} admitted is checked again in the write
     * transaction, so a change made in between is 412 too.
     */
    private void updateProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        CustomerProfileId id = profileId(ctx);
        Long expected = expectedVersion(ctx, useCases.get().getCustomerProfile(
                new GetCustomerProfileQuery(caller, companyId, id, Permission.EDIT)));
        SimproBody body = SimproBody.parse(MAPPER, jsonBody(ctx), SimproBody.Operation.PATCH);
        CustomerProfile updated = useCases.update().updateCustomerProfile(
                new UpdateCustomerProfileCommand(caller, companyId, id, body.name(), body.archived(), expected));
        ctx.header("Resource-ID", id.toString());
        ctx.header(EntityTags.ETAG, EntityTags.of(id.value(), updated.version()));
        ctx.status(204);
    }

    private void deleteProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        CustomerProfileId id = profileId(ctx);
        Long expected = null;
        if (EntityTags.condition(ctx, EntityTags.IF_MATCH).isPresent()) {
            expected = expectedVersion(ctx, useCases.get().getCustomerProfile(
                    new GetCustomerProfileQuery(caller, companyId, id, Permission.DELETE)));
        }
        useCases.delete().deleteCustomerProfile(new DeleteCustomerProfileCommand(caller, companyId, id, expected));
        ctx.status(204);
    }

    private static String variant(List<SimproColumn> columns) {
        return columns.equals(List.of(SimproColumn.values())) ? ""
                : String.join("-", columns.stream().map(SimproColumn::label).toList());
    }

    /**
     * The version a change is based on: the current one when {@code If-Match} names a tag of it, none without the
     * header or with {@code *}.
     *
     * @throws SimproException 412 when {@code If-Match} names no tag of the current version
     */
    private static Long expectedVersion(Context ctx, CustomerProfile current) {
        EntityTags.Condition ifMatch = EntityTags.condition(ctx, EntityTags.IF_MATCH);
        if (!ifMatch.admits(current.id().value(), current.version())) {
            throw SimproErrors.preconditionFailed(current.id().value(), current.version());
        }
        return ifMatch.isPresent() && !ifMatch.isAny() ? current.version() : null;
    }

    private static ObjectNode profile(CustomerProfile profile, List<SimproColumn> columns) {
        ObjectNode node = NODES.objectNode();
        for (SimproColumn column : columns) {
            switch (column) {
                case ID -> node.put("ID", profile.id().value());
                case NAME -> node.put("Name", profile.name().value());
                case ARCHIVED -> node.put("Archived", profile.archived());
            }
        }
        return node;
    }

    // ---- helpers

    private static String collectionUri(CompanyId companyId) {
        return COMPANIES + "/" + companyId + "/setup/customerProfiles/";
    }

    /** {@code Link} header: first, prev, next, last, each keeping the other query parameters. */
    private static String links(Context ctx, int page, long pages) {
        long last = Math.max(1, pages);
        List<String> links = new ArrayList<>();
        links.add(link(ctx, 1, "first"));
        if (page > 1) {
            links.add(link(ctx, Math.min(page - 1, last), "prev"));
        }
        if (page < pages) {
            links.add(link(ctx, page + 1, "next"));
        }
        links.add(link(ctx, last, "last"));
        return String.join(", ", links);
    }

    private static String link(Context ctx, long page, String rel) {
        List<String> parameters = new ArrayList<>();
        String query = ctx.queryString();
        if (query != null && !query.isEmpty()) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith("page=") && !parameter.equals("page")) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add("page=" + page);
        return "<" + ctx.path() + "?" + String.join("&", parameters) + ">; rel=\"" + rel + "\"";
    }

    static CompanyId companyId(Context ctx) {
        long id = positiveNumber(ctx.pathParam("companyID"), 0, "Company not found.");
        return CompanyId.of(id);
    }

    private static CustomerProfileId profileId(Context ctx) {
        return CustomerProfileId.of(positiveNumber(ctx.pathParam("customerProfileID"), 1, "Customer profile not found."));
    }

    private static long positiveNumber(String raw, long min, String notFound) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SimproException.notFound(notFound);
        }
        long value = Long.parseLong(raw);
        if (value < min) {
            throw SimproException.notFound(notFound);
        }
        return value;
    }

    private static String jsonBody(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw SimproException.of(415, null, "Content-Type must be application/json.", NODES.textNode(contentType));
            }
        }
        return JsonBody.text(ctx);
    }

    private void json(Context ctx, int status, com.fasterxml.jackson.databind.JsonNode body) {
        ctx.status(status).contentType("application/json").result(errors.toJson(body));
    }
}
