package io.customerclassification.adapter.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

    interface Check {
        void run(String origin) throws Exception;
    }

    private static void run(Check check) {
        JavalinTest.test(Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            new ConsolePages().register(config.routes);
        }), (server, client) -> check.run(client.getOrigin()));
    }

    private static HttpResponse<String> get(String origin, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyFileThePagesReferToIsServedWithTheStrictPolicyAndItsMediaType() {
        run(origin -> {
            Set<String> files = new LinkedHashSet<>(List.of("/", "/docs"));
            List<String> pending = new ArrayList<>(files);
            while (!pending.isEmpty()) {
                String path = pending.remove(0);
                HttpResponse<String> reply = get(origin, path);
                assertEquals(200, reply.statusCode(), path);
                assertEquals(path.startsWith("/docs") ? ConsolePages.DOCS_POLICY : ConsolePages.CONSOLE_POLICY,
                        reply.headers().firstValue("Content-Security-Policy").orElse(null), path);
                assertEquals("nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals("no-referrer", reply.headers().firstValue("Referrer-Policy").orElse(null), path);
                String type = reply.headers().firstValue("Content-Type").orElse("");
                String expected = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css"
                        : path.endsWith(".png") ? "image/png" : path.endsWith(".svg") ? "image/svg+xml" : "text/html";
                assertTrue(type.startsWith(expected), path + " is served as " + type);
                List<String> referred = new ArrayList<>();
                Matcher reference = REFERENCE.matcher(reply.body());
                while (reference.find()) {
                    referred.add(reference.group(1));
                }
                Matcher module = IMPORT.matcher(reply.body());
                while (module.find() && path.startsWith("/console/")) {
                    referred.add("/console/" + module.group(1));
                }
                for (String file : referred) {
                    if (files.add(file)) {
                        pending.add(file);
                    }
                }
            }
            assertTrue(files.containsAll(List.of("/console/console.js", "/console/api.js", "/console/dom.js",
                    "/console/profiles.js", "/console/types.js", "/console/docs.js", "/docs/swagger-ui-bundle.js")),
                    "the walk reached every script: " + files);
        });
    }

    @Test
    void anUnchangedFileIsRevalidatedWithoutItsBody() {
        run(origin -> {
            HttpResponse<String> first = get(origin, "/docs/swagger-ui-bundle.js");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), "a strong tag: " + etag);
            HttpResponse<String> again = CLIENT.send(HttpRequest.newBuilder(URI.create(origin
                    + "/docs/swagger-ui-bundle.js")).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            assertEquals(ConsolePages.DOCS_POLICY, again.headers().firstValue("Content-Security-Policy").orElse(null));
            HttpResponse<String> other = CLIENT.send(HttpRequest.newBuilder(URI.create(origin + "/console/api.js"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, other.statusCode(), "another file's tag is not this one's");
        });
    }

    @Test
    void thePagesHaveNoInlineScriptOrStyle() {
        run(origin -> {
            for (String page : List.of("/", "/docs")) {
                String html = get(origin, page).body();
                Matcher script = Pattern.compile("<script([^>]*)>").matcher(html);
                while (script.find()) {
                    assertTrue(script.group(1).contains(" src=\""), page + " has an inline script: " + script.group());
                }
                assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), page + " has an event attribute");
                assertFalse(html.contains(" style="), page + " has a style attribute");
            }
        });
    }

    @Test
    void nothingElseIsServed() {
        run(origin -> {
            for (String path : List.of("/console/", "/console/missing.js", "/console/../console/api.js",
                    "/console/%2e%2e/console/api.js", "/docs/index.html", "/docs/swagger-initializer.js",
                    "/docs/oauth2-redirect.html", "/console/index.html", "/index.html", "/favicon.ico")) {
                assertEquals(404, get(origin, path).statusCode(), path);
            }
        });
    }
}
