package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.e2e.IdentityServer;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route the server registers, against every permission (CONTRACT §4): the table below says what each route
 * needs, and a route that is not in it fails {@link #everyRouteIsInTheTable()} — so a new route cannot arrive
 * without saying, and then proving, which permission guards it. For each route that needs a permission: a client
 * holding only that permission is served, a client holding only any other permission — or all others, or all of them
 * on another company or the other resource — is refused with 403 in the dialect's format, before any 404, and the
 * refused request changes nothing. Requests go over real HTTP to the real server with real tokens.
 */
class PermissionMatrixTest {

    private static final String COMPANIES = "/api/v1.0/companies";
    private static final String PROFILES = COMPANIES + "/{companyID}/setup/customerProfiles";
    private static final String PROFILE = PROFILES + "/{customerProfileID}";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String TYPE = TYPES + "/{key}";
    private static final String QUERY = "/services/core/query";
    private static final String INTACCT_V1 = "/ia/api/v1";
    private static final String ADMIN = "/admin/v1";
    private static final String ENTITY = "X-IA-API-Param-Entity";
    /** A company no one registered. */
    private static final int NO_SUCH_COMPANY = 99;

    private static IdentityServer server;
    private static Http http;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, Map<String, String>> CLIENTS = new ConcurrentHashMap<>();

    /** What a route needs. */
    enum Kind {
        /** Nothing: the token endpoints and the public keys. */
        OPEN,
        /** Any valid credential; the answer shows only what its grants reach. */
        ANY_CLIENT,
        /** Any grant on the company in the path. */
        REACH,
        /** The admin flag. */
        ADMIN,
        /** A permission on a resource of the request's company. */
        PERMISSION
    }

    /** A request as sent. */
    record Request(String method, String path, String body, Map<String, String> headers) {}

    /**
     * One route as the server registers it, what it needs, and a request to it on a given company that succeeds
     * for a caller that has what it needs (records it acts on are created first, as the admin).
     */
    record Route(String method, String pattern, Kind kind, Resource resource, Permission permission,
            IntFunction<Request> request) {

        String key() {
            return method + " " + pattern;
        }

        boolean simpro() {
            return pattern.startsWith(COMPANIES);
        }

        @Override
        public String toString() {
            return key() + (kind == Kind.PERMISSION ? " needs " + permission + " on " + resource : " is " + kind);
        }
    }

    private static final List<Route> TABLE = table();

    private static List<Route> table() {
        List<Route> routes = new ArrayList<>();
        Resource profile = Resource.CUSTOMER_PROFILE;
        routes.add(new Route("GET", COMPANIES, Kind.ANY_CLIENT, null, null, c -> get(COMPANIES)));
        routes.add(new Route("GET", COMPANIES + "/{companyID}", Kind.REACH, null, null, c -> get(COMPANIES + "/" + c)));
        routes.add(permission("GET", PROFILES, profile, Permission.LIST, c -> get(profiles(c))));
        routes.add(permission("POST", PROFILES, profile, Permission.ADD,
                c -> new Request("POST", profiles(c), "{\"Name\": \"P" + SEQUENCE.incrementAndGet() + "\"}", Map.of())));
        routes.add(permission("GET", PROFILE, profile, Permission.VIEW, c -> get(profiles(c) + "/" + newProfile(c))));
        routes.add(permission("PATCH", PROFILE, profile, Permission.EDIT, c -> new Request("PATCH",
                profiles(c) + "/" + newProfile(c), "{\"Name\": \"P" + SEQUENCE.incrementAndGet() + "\"}", Map.of())));
        routes.add(permission("DELETE", PROFILE, profile, Permission.DELETE,
                c -> new Request("DELETE", profiles(c) + "/" + newProfile(c), null, Map.of())));
        routes.add(permission("GET", PROFILES + "/export", profile, Permission.LIST,
                c -> get(profiles(c) + "/export")));
        routes.add(permission("POST", PROFILES + "/import", profile, Permission.ADD, c -> new Request("POST",
                profiles(c) + "/import", "[{\"Name\": \"I" + SEQUENCE.incrementAndGet() + "\", \"Archived\": false}]",
                Map.of())));
        for (String prefix : List.of("", INTACCT_V1)) {
            Resource type = Resource.CUSTOMER_TYPE;
            routes.add(permission("GET", prefix + TYPES, type, Permission.LIST, c -> intacct("GET", prefix + TYPES, c,
                    null)));
            routes.add(permission("POST", prefix + TYPES, type, Permission.ADD, c -> intacct("POST", prefix + TYPES, c,
                    "{\"id\": \"T" + SEQUENCE.incrementAndGet() + "\"}")));
            routes.add(permission("GET", prefix + TYPE, type, Permission.VIEW, c -> intacct("GET",
                    prefix + TYPES + "/" + newType(c), c, null)));
            routes.add(permission("PATCH", prefix + TYPE, type, Permission.EDIT, c -> intacct("PATCH",
                    prefix + TYPES + "/" + newType(c), c, "{\"status\": \"inactive\"}")));
            routes.add(permission("DELETE", prefix + TYPE, type, Permission.DELETE, c -> intacct("DELETE",
                    prefix + TYPES + "/" + newType(c), c, null)));
            routes.add(permission("GET", prefix + TYPE + "/descendants", type, Permission.LIST, c -> intacct("GET",
                    prefix + TYPES + "/" + newType(c) + "/descendants", c, null)));
            routes.add(permission("GET", prefix + TYPE + "/ancestors", type, Permission.LIST, c -> intacct("GET",
                    prefix + TYPES + "/" + newType(c) + "/ancestors", c, null)));
            routes.add(permission("GET", prefix + TYPES + "/export", type, Permission.LIST, c -> intacct("GET",
                    prefix + TYPES + "/export", c, null)));
            routes.add(permission("POST", prefix + TYPES + "/import", type, Permission.ADD, c -> intacct("POST",
                    prefix + TYPES + "/import", c, "[{\"id\": \"I" + SEQUENCE.incrementAndGet() + "\"}]")));
            routes.add(permission("POST", prefix + QUERY, type, Permission.LIST, c -> intacct("POST", prefix + QUERY, c,
                    "{\"object\": \"accounts-receivable/customer-type\", \"fields\": [\"id\", \"status\"]}")));
        }
        for (String prefix : List.of("/oauth2", INTACCT_V1 + "/oauth2")) {
            routes.add(new Route("POST", prefix + "/token", Kind.OPEN, null, null, c -> form(prefix + "/token",
                    "grant_type=client_credentials&client_id=" + IdentityServer.ADMIN + "&client_secret="
                            + IdentityServer.ADMIN_SECRET)));
            routes.add(new Route("POST", prefix + "/revoke", Kind.OPEN, null, null, c -> form(prefix + "/revoke",
                    "token=unknown&client_id=" + IdentityServer.ADMIN + "&client_secret=" + IdentityServer.ADMIN_SECRET)));
        }
        routes.add(new Route("GET", "/.well-known/jwks.json", Kind.OPEN, null, null, c -> get("/.well-known/jwks.json")));
        routes.add(admin("GET", "/clients", c -> get(ADMIN + "/clients")));
        routes.add(admin("POST", "/clients", c -> new Request("POST", ADMIN + "/clients",
                "{\"clientId\": \"new-" + SEQUENCE.incrementAndGet() + "\", \"grants\": []}", Map.of())));
        routes.add(admin("GET", "/clients/{clientId}", c -> get(ADMIN + "/clients/" + newClient())));
        routes.add(admin("PATCH", "/clients/{clientId}", c -> new Request("PATCH", ADMIN + "/clients/" + newClient(),
                "{\"grants\": []}", Map.of())));
        routes.add(admin("DELETE", "/clients/{clientId}", c -> new Request("DELETE", ADMIN + "/clients/" + newClient(),
                null, Map.of())));
        routes.add(admin("POST", "/clients/{clientId}/secret", c -> new Request("POST",
                ADMIN + "/clients/" + newClient() + "/secret", null, Map.of())));
        routes.add(admin("GET", "/clients/{clientId}/keys", c -> get(ADMIN + "/clients/" + newClient() + "/keys")));
        routes.add(admin("POST", "/clients/{clientId}/keys", c -> new Request("POST",
                ADMIN + "/clients/" + newClient() + "/keys", null, Map.of())));
        routes.add(admin("DELETE", "/clients/{clientId}/keys/{keyId}", c -> {
            String client = newClient();
            Reply key = http.post(ADMIN + "/clients/" + client + "/keys", null, server.asAdmin());
            assertEquals(201, key.status(), key::toString);
            return new Request("DELETE", ADMIN + "/clients/" + client + "/keys/" + key.json().get("keyId").asText(),
                    null, Map.of());
        }));
        routes.add(admin("POST", "/signing-keys", c -> new Request("POST", ADMIN + "/signing-keys", null, Map.of())));
        routes.add(admin("GET", "/companies", c -> get(ADMIN + "/companies")));
        routes.add(admin("POST", "/companies", c -> new Request("POST", ADMIN + "/companies",
                "{\"id\": " + (1000 + SEQUENCE.incrementAndGet()) + ", \"name\": \"New\"}", Map.of())));
        return routes;
    }

    private static Route permission(String method, String pattern, Resource resource, Permission permission,
            IntFunction<Request> request) {
        return new Route(method, pattern, Kind.PERMISSION, resource, permission, request);
    }

    private static Route admin(String method, String path, IntFunction<Request> request) {
        return new Route(method, ADMIN + path, Kind.ADMIN, null, null, request);
    }

    private static Request get(String path) {
        return new Request("GET", path, null, Map.of());
    }

    private static Request form(String path, String body) {
        return new Request("POST", path, body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static Request intacct(String method, String path, int company, String body) {
        return new Request(method, path, body, Map.of(ENTITY, String.valueOf(company)));
    }

    private static String profiles(int company) {
        return COMPANIES + "/" + company + "/setup/customerProfiles";
    }

    /** A new profile of {@code company}, made by the admin; on a company that does not exist, an id like any. */
    private static String newProfile(int company) {
        if (company == NO_SUCH_COMPANY) {
            return "1";
        }
        Reply created = http.post(profiles(company) + "/", "{\"Name\": \"R" + SEQUENCE.incrementAndGet() + "\"}",
                server.asAdmin());
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ID").asText();
    }

    /** A new customer type of {@code company}, made by the admin; on a company that does not exist, a key like any. */
    private static String newType(int company) {
        if (company == NO_SUCH_COMPANY) {
            return "1";
        }
        Map<String, String> headers = new LinkedHashMap<>(server.asAdmin());
        headers.put(ENTITY, String.valueOf(company));
        Reply created = http.post(TYPES, "{\"id\": \"R" + SEQUENCE.incrementAndGet() + "\"}", headers);
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ia::result").get("key").asText();
    }

    private static String newClient() {
        String id = "c-" + SEQUENCE.incrementAndGet();
        server.createClient(id, "[]");
        return id;
    }

    @BeforeAll
    static void start() {
        server = IdentityServer.start("--company", "1=Other");
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- the table covers the server

    @Test
    void everyRouteIsInTheTable() {
        List<HttpDialect> dialects = CustomerClassificationServer.dialects(
                server.server().application().services(), BearerAuthentication.off());
        Set<String> registered = new TreeSet<>();
        Javalin.create(config -> {
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    registered.add(handler.getHttpMethod() + " " + handler.getPath());
                }
            });
            dialects.forEach(dialect -> dialect.register(config.routes));
        });
        Set<String> tabled = TABLE.stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(TABLE.size(), tabled.size(), "a route is in the table twice");
        Set<String> untabled = new TreeSet<>(registered);
        untabled.removeAll(tabled);
        Set<String> stale = new TreeSet<>(tabled);
        stale.removeAll(registered);
        assertTrue(untabled.isEmpty(), "routes without a row in the permission table: " + untabled);
        assertTrue(stale.isEmpty(), "rows of the permission table that no route serves: " + stale);
    }

    // ---- without credentials

    static Stream<Route> guardedRoutes() {
        return TABLE.stream().filter(route -> route.kind() != Kind.OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedRoutes")
    void aGuardedRouteWithoutCredentialsIs401(Route route) {
        Request request = route.request().apply(0);
        String before = state();
        Reply reply = send(request, Map.of());
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer realm="), reply.header("WWW-Authenticate"));
        assertEquals(before, state(), "a refused request changed something");
    }

    static Stream<Route> openRoutes() {
        return TABLE.stream().filter(route -> route.kind() == Kind.OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openRoutes")
    void anOpenRouteIsServedWithoutABearerToken(Route route) {
        Reply reply = send(route.request().apply(0), Map.of());
        assertEquals(200, reply.status(), reply::toString);
    }

    // ---- each permission against each route

    static Stream<Arguments> everyPermissionAgainstEveryRoute() {
        return TABLE.stream().filter(route -> route.kind() == Kind.PERMISSION)
                .flatMap(route -> Arrays.stream(Permission.values()).map(held -> Arguments.of(route, held)));
    }

    /** A client whose one grant is {@code held} on the route's resource of company 0. */
    @ParameterizedTest(name = "{0}, holding only {1}")
    @MethodSource
    void everyPermissionAgainstEveryRoute(Route route, Permission held) {
        Map<String, String> client = client(grant(0, route.resource(), EnumSet.of(held)));
        if (held == route.permission()) {
            Reply reply = send(route.request().apply(0), client);
            assertTrue(reply.status() >= 200 && reply.status() < 300, reply::toString);
        } else {
            assertRefused(route, 0, client);
        }
    }

    static Stream<Route> permissionRoutes() {
        return TABLE.stream().filter(route -> route.kind() == Kind.PERMISSION);
    }

    /** Every other permission on the route's resource, and every permission on the other resource. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("permissionRoutes")
    void everyPermissionButTheOneNeededIsRefused(Route route) {
        EnumSet<Permission> others = EnumSet.complementOf(EnumSet.of(route.permission()));
        Resource other = route.resource() == Resource.CUSTOMER_TYPE ? Resource.CUSTOMER_PROFILE : Resource.CUSTOMER_TYPE;
        assertRefused(route, 0, client(grant(0, route.resource(), others) + ","
                + grant("\"*\"", other, EnumSet.allOf(Permission.class))));
    }

    /**
     * Every permission, on company 1 only: company 0 is refused, and so is a company that does not exist — with 403,
     * not 404, so that the client learns nothing of companies it may not see. The admin gets the 404.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("permissionRoutes")
    void aCompanyNotGrantedIsRefusedBeforeAnythingIsLookedUp(Route route) {
        Map<String, String> client = client(grant(1, route.resource(), EnumSet.allOf(Permission.class)));
        assertRefused(route, 0, client);
        assertRefused(route, NO_SUCH_COMPANY, client);
        Reply asAdmin = send(route.request().apply(NO_SUCH_COMPANY), server.asAdmin());
        assertEquals(404, asAdmin.status(), asAdmin::toString);
        Reply granted = send(route.request().apply(1), client);
        assertTrue(granted.status() >= 200 && granted.status() < 300, granted::toString);
    }

    /**
     * An import with {@code mode=upsert} may change the records it matches: it needs {@code add} and {@code edit},
     * and either alone is refused before anything is read, in each dialect.
     */
    @Test
    void anUpsertImportNeedsAddAndEditInEachDialect() {
        for (Resource resource : Resource.values()) {
            IntFunction<Request> upsert = resource == Resource.CUSTOMER_PROFILE
                    ? c -> new Request("POST", profiles(c) + "/import?mode=upsert",
                            "[{\"Name\": \"U" + SEQUENCE.incrementAndGet() + "\", \"Archived\": true}]", Map.of())
                    : c -> intacct("POST", TYPES + "/import?mode=upsert", c,
                            "[{\"id\": \"U" + SEQUENCE.incrementAndGet() + "\", \"status\": \"inactive\"}]");
            Route route = permission("POST", (resource == Resource.CUSTOMER_PROFILE ? PROFILES : TYPES) + "/import",
                    resource, Permission.ADD, upsert);
            for (Permission missing : List.of(Permission.ADD, Permission.EDIT)) {
                assertRefused(route, 0, client(grant(0, resource, EnumSet.complementOf(EnumSet.of(missing)))));
            }
            assertRefused(route, 0, client(grant(0, resource, EnumSet.of(Permission.ADD))));
            assertRefused(route, 0, client(grant(0, resource, EnumSet.of(Permission.EDIT))));
            Reply served = send(upsert.apply(0), client(grant(0, resource, EnumSet.of(Permission.ADD,
                    Permission.EDIT))));
            assertEquals(200, served.status(), served::toString);
        }
    }

    // ---- the admin flag, a company's reach, the companies list

    static Stream<Route> adminRoutes() {
        return TABLE.stream().filter(route -> route.kind() == Kind.ADMIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void anAdminRouteRefusesEveryGrantWithoutTheAdminFlag(Route route) {
        Map<String, String> everything = client(grant("\"*\"", Resource.CUSTOMER_PROFILE, EnumSet.allOf(Permission.class))
                + "," + grant("\"*\"", Resource.CUSTOMER_TYPE, EnumSet.allOf(Permission.class)));
        Request request = route.request().apply(0);
        String before = state();
        Reply refused = send(request, everything);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals("urn:customer-classification:problem:forbidden", refused.json().get("type").asText());
        assertEquals(before, state(), "a refused request changed something");
        Reply served = send(route.request().apply(0), server.asAdmin());
        assertTrue(served.status() >= 200 && served.status() < 300, served::toString);
    }

    @Test
    void aCompanyIsSeenThroughAnyGrantOnItAndOnlyThen() {
        Map<String, String> client = client(grant(1, Resource.CUSTOMER_TYPE, EnumSet.of(Permission.VIEW)));
        assertEquals(200, http.get(COMPANIES + "/1", client).status());
        for (int company : List.of(0, NO_SUCH_COMPANY)) {
            Reply refused = http.get(COMPANIES + "/" + company, client);
            assertEquals(403, refused.status(), refused::toString);
            assertNotNull(refused.json().get("errors"), refused::toString);
        }
        assertEquals(404, http.get(COMPANIES + "/" + NO_SUCH_COMPANY, server.asAdmin()).status());
    }

    @Test
    void theCompaniesListShowsOnlyTheCompaniesAClientsGrantsReach() {
        assertEquals("[1]", ids(http.get(COMPANIES, client(grant(1, Resource.CUSTOMER_PROFILE,
                EnumSet.of(Permission.LIST))))));
        assertEquals("[]", ids(http.get(COMPANIES, client(""))));
        assertEquals("[0, 1]", ids(http.get(COMPANIES, client(grant("\"*\"", Resource.CUSTOMER_TYPE,
                EnumSet.of(Permission.VIEW))))));
        assertEquals("[0, 1]", ids(http.get(COMPANIES, server.asAdmin())));
    }

    private static String ids(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        List<String> ids = new ArrayList<>();
        reply.json().forEach(company -> ids.add(company.get("ID").asText()));
        return ids.toString();
    }

    // ---- helpers

    private static void assertRefused(Route route, int company, Map<String, String> client) {
        Request request = route.request().apply(company);
        String before = state();
        Reply reply = send(request, client);
        assertEquals(403, reply.status(), () -> request + " -> " + reply);
        if (route.simpro()) {
            assertNotNull(reply.json().get("errors"), reply::toString);
        } else {
            assertEquals("forbidden", reply.json().get("ia::result").get("ia::error").get("code").asText(),
                    reply::toString);
        }
        assertEquals(before, state(), "a refused request changed something: " + request);
    }

    private static String grant(Object company, Resource resource, Set<Permission> permissions) {
        return "{\"company\": " + company + ", \"resource\": \"" + resource.wireName() + "\", \"permissions\": ["
                + permissions.stream().map(p -> "\"" + p.name().toLowerCase(Locale.ROOT) + "\"")
                        .collect(Collectors.joining(", ")) + "]}";
    }

    /** A token of a client with {@code grants} (JSON objects, comma-separated); one client per set of grants. */
    private static Map<String, String> client(String grants) {
        return CLIENTS.computeIfAbsent(grants, g -> server.newClient("m-" + SEQUENCE.incrementAndGet(), "[" + g + "]"));
    }

    private static Reply send(Request request, Map<String, String> credentials) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.putAll(credentials);
        return http.send(request.method(), request.path(), request.body(), headers);
    }

    private static String state() {
        return server.storeContents();
    }
}
