package io.customerclassification.adapter.http;

import io.customerclassification.adapter.http.admin.AdminApi;
import io.customerclassification.adapter.http.oauth.OAuthDialect;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.inmemory.InMemoryIdentity;
import io.customerclassification.application.inmemory.MovableClock;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.service.ClientService;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The token endpoints and the admin API over the in-memory identity (real services, fake crypto) with a clock the
 * tests move, and a client whose every reply is validated against {@code /openapi/identity.json}.
 */
public final class IdentityHarness {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Pattern CLIENT = Pattern.compile("/admin/v1/clients/[^/]+");
    private static final Pattern SECRET = Pattern.compile("/admin/v1/clients/[^/]+/secret");
    private static final Pattern KEYS = Pattern.compile("/admin/v1/clients/[^/]+/keys");
    private static final Pattern KEY = Pattern.compile("/admin/v1/clients/[^/]+/keys/[^/]+");
    private static final List<String> FIXED = List.of("/oauth2/token", "/ia/api/v1/oauth2/token", "/oauth2/revoke",
            "/ia/api/v1/oauth2/revoke", "/.well-known/jwks.json", "/admin/v1/clients", "/admin/v1/signing-keys",
            "/admin/v1/companies");

    public final MovableClock clock = new MovableClock(START);
    public final InMemoryIdentity identity = InMemoryIdentity.create(clock);
    public final InMemoryApplication data = InMemoryApplication.create(clock);
    public final ClientWithSecret admin = client("admin", true, ClientService.EVERYTHING);

    public ClientWithSecret client(String id, boolean isAdmin, List<Grant> grants) {
        return identity.clients().createClient(
                new CreateClientCommand(Caller.system(null), ClientId.of(id), isAdmin, grants));
    }

    public void run(Consumer<ApiClient> test) {
        run(test, true);
    }

    /** As {@link #run(Consumer)}, with a client that checks no reply: for methods the document does not describe. */
    public void runUnchecked(Consumer<ApiClient> test) {
        run(test, false);
    }

    private void run(Consumer<ApiClient> test, boolean checked) {
        OAuthDialect oauth = new OAuthDialect(new OAuthDialect.UseCases(
                identity.tokens(), identity.tokens(), identity.tokens(), identity.tokens()));
        AdminApi adminApi = new AdminApi(AdminApi.UseCases.of(identity.clients(), identity.tokens(), data.companies()),
                BearerAuthentication.required(identity.authentication()));
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            new HttpApi(List.of(oauth, adminApi)).configure(config);
        });
        JavalinTest.test(server, (s, http) ->
                test.accept(new ApiClient(http.getOrigin(), "/openapi/identity.json",
                        checked ? IdentityHarness::specPath : path -> null)));
    }

    private static String specPath(String path) {
        if (FIXED.contains(path)) {
            return path;
        }
        if (KEY.matcher(path).matches()) {
            return "/admin/v1/clients/{clientId}/keys/{keyId}";
        }
        if (KEYS.matcher(path).matches()) {
            return "/admin/v1/clients/{clientId}/keys";
        }
        if (SECRET.matcher(path).matches()) {
            return "/admin/v1/clients/{clientId}/secret";
        }
        return CLIENT.matcher(path).matches() ? "/admin/v1/clients/{clientId}" : null;
    }

    /** {@code Authorization: Basic …} of a client id and secret. */
    public static Map<String, String> basic(String clientId, String secret) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A form body of name-value pairs, each written as is (the tests use URL-safe values). */
    public static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        return body.toString();
    }
}
