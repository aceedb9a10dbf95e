package io.customerclassification.adapter.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.AllowedMethods;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.LogText;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.ListCompaniesUseCase;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.company.RegisterCompanyUseCase;
import io.customerclassification.application.port.in.identity.ApiKeyInfo;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateApiKeyUseCase;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.port.in.identity.CreateClientUseCase;
import io.customerclassification.application.port.in.identity.CreatedApiKey;
import io.customerclassification.application.port.in.identity.DeleteClientUseCase;
import io.customerclassification.application.port.in.identity.GetClientUseCase;
import io.customerclassification.application.port.in.identity.ListApiKeysUseCase;
import io.customerclassification.application.port.in.identity.ListClientsUseCase;
import io.customerclassification.application.port.in.identity.RevokeApiKeyCommand;
import io.customerclassification.application.port.in.identity.RevokeApiKeyUseCase;
import io.customerclassification.application.port.in.identity.RotateClientSecretUseCase;
import io.customerclassification.application.port.in.identity.RotateSigningKeyUseCase;
import io.customerclassification.application.port.in.identity.UpdateClientCommand;
import io.customerclassification.application.port.in.identity.UpdateClientUseCase;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.identity.AdminRequiredException;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.shared.AccessDeniedException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.ConflictException;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.NotFoundException;
import io.customerclassification.domain.shared.RuleViolationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import jakarta.validation.ConstraintViolationException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API (CONTRACT §4) under {@code /admin/v1}: clients, their grants, secrets and API keys, and the
 * signing key, for admin clients. Every error is an RFC 9457 problem ({@code application/problem+json}).
 */
public final class AdminApi implements HttpDialect {

    static final String PREFIX = "/admin/v1";
    private static final String CLIENTS = PREFIX + "/clients";
    private static final String CLIENT = CLIENTS + "/{clientId}";
    private static final String SECRET = CLIENT + "/secret";
    private static final String KEYS = CLIENT + "/keys";
    private static final String KEY = KEYS + "/{keyId}";
    private static final String SIGNING_KEYS = PREFIX + "/signing-keys";
    private static final String COMPANIES = PREFIX + "/companies";
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    /** The in-ports this API drives. */
    public record UseCases(
            CreateClientUseCase create,
            ListClientsUseCase list,
            GetClientUseCase get,
            UpdateClientUseCase update,
            DeleteClientUseCase delete,
            RotateClientSecretUseCase rotateSecret,
            CreateApiKeyUseCase createKey,
            ListApiKeysUseCase listKeys,
            RevokeApiKeyUseCase revokeKey,
            RotateSigningKeyUseCase rotateSigningKey,
            ListCompaniesUseCase listCompanies,
            RegisterCompanyUseCase registerCompany) {

        /** The in-ports from what implements the client use cases together, the signing key's and the companies'. */
        public static <C extends CreateClientUseCase & ListClientsUseCase & GetClientUseCase & UpdateClientUseCase
                        & DeleteClientUseCase & RotateClientSecretUseCase & CreateApiKeyUseCase & ListApiKeysUseCase
                        & RevokeApiKeyUseCase,
                        P extends ListCompaniesUseCase & RegisterCompanyUseCase>
                UseCases of(C clients, RotateSigningKeyUseCase signingKeys, P companies) {
            return new UseCases(clients, clients, clients, clients, clients, clients, clients, clients, clients,
                    signingKeys, companies, companies);
        }
    }

    private final UseCases useCases;
    private final BearerAuthentication authentication;

    public AdminApi(UseCases useCases, BearerAuthentication authentication) {
        this.useCases = useCases;
        this.authentication = authentication;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before(PREFIX + "/*", authentication::caller);
        only(routes, CLIENTS, HandlerType.GET, HandlerType.POST);
        only(routes, CLIENT, HandlerType.GET, HandlerType.PATCH, HandlerType.DELETE);
        only(routes, SECRET, HandlerType.POST);
        only(routes, KEYS, HandlerType.GET, HandlerType.POST);
        only(routes, KEY, HandlerType.DELETE);
        only(routes, SIGNING_KEYS, HandlerType.POST);
        only(routes, COMPANIES, HandlerType.GET, HandlerType.POST);
        routes.get(CLIENTS, this::listClients);
        routes.post(CLIENTS, this::createClient);
        routes.get(CLIENT, this::getClient);
        routes.patch(CLIENT, this::updateClient);
        routes.delete(CLIENT, this::deleteClient);
        routes.post(SECRET, this::rotateSecret);
        routes.get(KEYS, this::listKeys);
        routes.post(KEYS, this::createKey);
        routes.delete(KEY, this::revokeKey);
        routes.post(SIGNING_KEYS, this::rotateSigningKey);
        routes.get(COMPANIES, this::listCompanies);
        routes.post(COMPANIES, this::addCompany);
    }

    private static void only(RoutesConfig routes, String path, HandlerType... allowed) {
        AllowedMethods.guard(routes, path, List.of(allowed), (method, allow) -> AdminProblem.of(405,
                AdminProblems.METHOD_NOT_ALLOWED, method + " is not allowed here; allowed: " + allow));
    }

    @Override
    public boolean owns(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    // ---- clients

    private void listClients(Context ctx) {
        jsonArray(ctx, useCases.list().listClients(caller(ctx)), AdminJson::client);
    }

    private void createClient(Context ctx) {
        Caller caller = caller(ctx);
        AdminJson.Body body = AdminJson.Body.read(ctx, Set.of("clientId", "admin", "grants"));
        ClientId clientId = body.clientId("clientId");
        Boolean admin = body.bool("admin");
        List<Grant> grants = body.grants("grants");
        if (!body.has("grants")) {
            body.problem("/grants", "Grants are required (an empty array grants nothing)");
        }
        body.check();
        ClientWithSecret created = useCases.create().createClient(
                new CreateClientCommand(caller, clientId, Boolean.TRUE.equals(admin), grants));
        ctx.header("Location", CLIENTS + "/" + clientId.value());
        json(ctx, 201, withSecret(created));
    }

    private void getClient(Context ctx) {
        json(ctx, 200, AdminJson.client(useCases.get().getClient(clientQuery(ctx))).toString());
    }

    private void updateClient(Context ctx) {
        Caller caller = caller(ctx);
        ClientId clientId = clientId(ctx);
        AdminJson.Body body = AdminJson.Body.read(ctx, Set.of("admin", "grants"));
        Boolean admin = body.bool("admin");
        List<Grant> grants = body.grants("grants");
        body.check();
        json(ctx, 200, AdminJson.client(useCases.update().updateClient(
                new UpdateClientCommand(caller, clientId, admin, grants))).toString());
    }

    private void deleteClient(Context ctx) {
        useCases.delete().deleteClient(clientQuery(ctx));
        ctx.status(204);
    }

    private void rotateSecret(Context ctx) {
        json(ctx, 200, withSecret(useCases.rotateSecret().rotateClientSecret(clientQuery(ctx))));
    }

    private static String withSecret(ClientWithSecret client) {
        ObjectNode node = AdminJson.MAPPER.createObjectNode();
        node.put("clientId", client.client().id().value());
        node.put("clientSecret", client.secret());
        node.put("admin", client.client().admin());
        node.set("grants", AdminJson.client(client.client()).get("grants"));
        return node.toString();
    }

    // ---- API keys

    private void listKeys(Context ctx) {
        ArrayNode body = AdminJson.MAPPER.createArrayNode();
        for (ApiKeyInfo key : useCases.listKeys().listApiKeys(clientQuery(ctx))) {
            ObjectNode node = body.addObject();
            node.put("keyId", key.keyId());
            node.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(key.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        json(ctx, 200, body.toString());
    }

    private void createKey(Context ctx) {
        ClientQuery query = clientQuery(ctx);
        CreatedApiKey key = useCases.createKey().createApiKey(query);
        ObjectNode node = AdminJson.MAPPER.createObjectNode();
        node.put("keyId", key.keyId());
        node.put("apiKey", key.apiKey());
        ctx.header("Location", CLIENTS + "/" + query.clientId().value() + "/keys/" + key.keyId());
        json(ctx, 201, node.toString());
    }

    private void revokeKey(Context ctx) {
        useCases.revokeKey().revokeApiKey(new RevokeApiKeyCommand(caller(ctx), clientId(ctx), ctx.pathParam("keyId")));
        ctx.status(204);
    }

    // ---- signing keys

    private void rotateSigningKey(Context ctx) {
        ObjectNode node = AdminJson.MAPPER.createObjectNode();
        node.put("keyId", useCases.rotateSigningKey().rotateSigningKey(caller(ctx)));
        json(ctx, 201, node.toString());
    }

    // ---- companies

    private void listCompanies(Context ctx) {
        jsonArray(ctx, useCases.listCompanies().listAllCompanies(caller(ctx)), AdminJson::company);
    }

    private void addCompany(Context ctx) {
        Caller caller = caller(ctx);
        AdminJson.Body body = AdminJson.Body.read(ctx, Set.of("id", "name"));
        CompanyId id = body.companyId("id");
        Name name = body.name("name");
        body.check();
        Company company = useCases.registerCompany().addCompany(new RegisterCompanyCommand(caller, id, name));
        ctx.header("Location", COMPANIES + "/" + company.id());
        json(ctx, 201, AdminJson.company(company).toString());
    }

    // ---- helpers

    private Caller caller(Context ctx) {
        return authentication.caller(ctx);
    }

    private ClientQuery clientQuery(Context ctx) {
        return new ClientQuery(caller(ctx), clientId(ctx));
    }

    private static ClientId clientId(Context ctx) {
        String raw = ctx.pathParam("clientId");
        if (!ClientId.isValid(raw)) {
            throw AdminProblem.of(404, AdminProblems.NOT_FOUND, "No such client");
        }
        return ClientId.of(raw);
    }

    private static <T> void jsonArray(Context ctx, List<T> items, Function<T, ObjectNode> toJson) {
        ArrayNode body = AdminJson.MAPPER.createArrayNode();
        items.forEach(item -> body.add(toJson.apply(item)));
        json(ctx, 200, body.toString());
    }

    private static void json(Context ctx, int status, String body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(body);
    }

    // ---- errors

    @Override
    public void renderException(Exception exception, Context ctx) {
        problem(ctx, translate(exception, ctx));
    }

    private static AdminProblem translate(Exception exception, Context ctx) {
        if (exception instanceof AdminProblem problem) {
            return problem;
        }
        if (exception instanceof InvalidTokenException invalid) {
            ctx.header("WWW-Authenticate", BearerAuthentication.challenge(invalid));
            return AdminProblem.of(401, AdminProblems.UNAUTHORIZED, invalid.getMessage());
        }
        if (exception instanceof AdminRequiredException || exception instanceof AccessDeniedException) {
            return AdminProblem.of(403, AdminProblems.FORBIDDEN, exception.getMessage());
        }
        if (exception instanceof NotFoundException) {
            return AdminProblem.of(404, AdminProblems.NOT_FOUND, exception.getMessage());
        }
        if (exception instanceof ConflictException) {
            return AdminProblem.of(409, AdminProblems.CONFLICT, exception.getMessage());
        }
        if (exception instanceof RuleViolationException) {
            return AdminProblem.of(422, AdminProblems.RULE_VIOLATION, exception.getMessage());
        }
        if (exception instanceof ConstraintViolationException violations) {
            return AdminProblem.invalidBody(violations.getConstraintViolations().stream()
                    .map(v -> new AdminProblem.Entry("/" + v.getPropertyPath(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(AdminProblem.Entry::pointer))
                    .toList());
        }
        if (exception instanceof StoreBusyException) {
            ctx.header("Retry-After", Integer.toString(BUSY_RETRY_AFTER_SECONDS));
            return AdminProblem.of(503, AdminProblems.SERVICE_UNAVAILABLE, BUSY_MESSAGE);
        }
        if (exception instanceof StoreFullException) {
            return AdminProblem.of(507, AdminProblems.STORE_FULL, STORE_FULL_MESSAGE);
        }
        if (exception instanceof HttpResponseException http && http.getStatus() >= 400 && http.getStatus() < 500) {
            return AdminProblem.of(http.getStatus(), AdminProblems.forStatus(http.getStatus()), http.getMessage());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, reference {}: {} {}", reference, ctx.method(), LogText.of(ctx.path()), exception);
        return AdminProblem.of(500, AdminProblems.INTERNAL_ERROR, "Internal server error. Reference: " + reference);
    }

    @Override
    public void renderNotFound(Context ctx) {
        problem(ctx, AdminProblem.of(404, AdminProblems.NOT_FOUND, "No such resource"));
    }

    /** The one place where a status and a sentence become an admin problem. */
    @Override
    public void refuse(Context ctx, int status, String message) {
        problem(ctx, AdminProblem.of(status, AdminProblems.forStatus(status), message));
    }

    @Override
    public String refusalBody(int status, String reason) {
        return body(AdminProblem.of(status, AdminProblems.forStatus(status), reason));
    }

    private static void problem(Context ctx, AdminProblem problem) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(problem.status()).contentType("application/problem+json").result(body(problem));
    }

    private static String body(AdminProblem problem) {
        ObjectNode node = AdminJson.MAPPER.createObjectNode();
        node.put("type", problem.type());
        node.put("title", title(problem.status()));
        node.put("status", problem.status());
        node.put("detail", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = node.putArray("errors");
            for (AdminProblem.Entry entry : problem.errors()) {
                errors.addObject().put("pointer", entry.pointer()).put("detail", entry.detail());
            }
        }
        return AdminJson.text(node);
    }

    private static String title(int status) {
        io.javalin.http.HttpStatus known = io.javalin.http.HttpStatus.forStatus(status);
        return known == io.javalin.http.HttpStatus.UNKNOWN ? "Request refused" : known.getMessage();
    }
}
