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
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.GetCompanyUseCase;
import io.customerclassification.application.port.in.company.ListCompaniesUseCase;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileUseCase;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The in-ports this dialect drives. */
    public record UseCases(
            CreateCustomerProfileUseCase create,
            GetCustomerProfileUseCase get,
            ListCustomerProfilesUseCase list,
            UpdateCustomerProfileUseCase update,
            DeleteCustomerProfileUseCase delete,
            ListCompaniesUseCase listCompanies,
            GetCompanyUseCase getCompany) {

        /** The in-ports from what implements the profile use cases together, and the company ones. */
        public static <P extends CreateCustomerProfileUseCase & GetCustomerProfileUseCase & ListCustomerProfilesUseCase
                        & UpdateCustomerProfileUseCase & DeleteCustomerProfileUseCase,
                        C extends ListCompaniesUseCase & GetCompanyUseCase>
                UseCases of(P profiles, C companies) {
            return new UseCases(profiles, profiles, profiles, profiles, profiles, companies, companies);
        }
    }

    private final UseCases useCases;
    private final BearerAuthentication authentication;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final SimproErrors errors = new SimproErrors(mapper);

    public SimproDialect(UseCases useCases, BearerAuthentication authentication) {
        this.useCases = useCases;
        this.authentication = authentication;
    }

    @Override
    public void register(RoutesConfig routes) {
        allowOnly(routes, COMPANIES, List.of(HandlerType.GET));
        allowOnly(routes, COMPANY, List.of(HandlerType.GET));
        allowOnly(routes, PROFILES, List.of(HandlerType.GET, HandlerType.POST));
        allowOnly(routes, PROFILE, List.of(HandlerType.GET, HandlerType.PATCH, HandlerType.DELETE));
        routes.get(COMPANIES, this::listCompanies);
        routes.get(COMPANY, this::getCompany);
        routes.get(PROFILES, this::listProfiles);
        routes.post(PROFILES, this::createProfile);
        routes.get(PROFILE, this::getProfile);
        routes.patch(PROFILE, this::updateProfile);
        routes.delete(PROFILE, this::deleteProfile);
    }

    /** Refuses other methods on {@code path}, then who calls is known before anything else is looked at. */
    private void allowOnly(RoutesConfig routes, String path, List<HandlerType> allowed) {
        AllowedMethods.guard(routes, path, allowed, (method, allow) -> SimproException.of(405, null,
                "Method " + method + " is not allowed here; allowed: " + allow + ".", null));
        routes.before(path, authentication::caller);
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

    private void createProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        SimproBody body = SimproBody.parse(mapper, jsonBody(ctx), SimproBody.Operation.POST);
        CustomerProfile created = useCases.create().createCustomerProfile(new CreateCustomerProfileCommand(caller, 
                companyId, body.name(), Boolean.TRUE.equals(body.archived())));
        String base = collectionUri(companyId);
        ctx.header("Location", base + created.id());
        ctx.header("Resource-ID", created.id().toString());
        ctx.header("Resource-Base-URI", base);
        json(ctx, 201, profile(created, List.of(SimproColumn.values())));
    }

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
        json(ctx, 200, profile(profile, columns));
    }

    /** An unknown profile is 404 before any problem of the body; reading it to change it needs {@code edit}. */
    private void updateProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        CompanyId companyId = companyId(ctx);
        CustomerProfileId id = profileId(ctx);
        useCases.get().getCustomerProfile(new GetCustomerProfileQuery(caller, companyId, id, Permission.EDIT));
        SimproBody body = SimproBody.parse(mapper, jsonBody(ctx), SimproBody.Operation.PATCH);
        useCases.update().updateCustomerProfile(new UpdateCustomerProfileCommand(caller, companyId, id,
                body.name(), body.archived()));
        ctx.header("Resource-ID", id.toString());
        ctx.status(204);
    }

    private void deleteProfile(Context ctx) {
        Caller caller = authentication.caller(ctx);
        useCases.delete().deleteCustomerProfile(new DeleteCustomerProfileCommand(caller, companyId(ctx),
                profileId(ctx)));
        ctx.status(204);
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

    private static CompanyId companyId(Context ctx) {
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
