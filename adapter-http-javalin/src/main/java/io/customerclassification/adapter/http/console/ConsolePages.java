package io.customerclassification.adapter.http.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files of the web console ({@code GET /}, its assets under {@code /console/}) and of the interactive API
 * documentation ({@code GET /docs}, Swagger UI's built files from its WebJar under {@code /docs/}). Both are
 * static: they call the public API of the dialects from the browser with the token of whoever signed in, so
 * nothing here touches a use case.
 *
 * <p>Only the files named here are served, read once from the classpath when the routes are registered (a file
 * missing from the build fails the start, not a request). Every answer carries a strict
 * {@code Content-Security-Policy}: scripts, styles and API calls from this origin only, no inline script, no
 * frames, and no form submission — so a secret typed into the sign-in form can never travel in a URL, even if the
 * page's script failed to load.
 */
public final class ConsolePages {

    /**
     * The console's pages: scripts, styles, images and API calls from this origin only; no inline script or style,
     * no frames, no form submission, no {@code <base>}.
     */
    public static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The documentation page: as {@link #CONSOLE_POLICY}, but Swagger UI's stylesheet embeds its icons as
     * {@code data:} images, and its bundle sets one inline style (allowed by its hash alone, so any other is
     * refused and a new Swagger UI that adds one shows up as a policy violation in the browser tests).
     */
    public static final String DOCS_POLICY = "default-src 'none'; script-src 'self';"
            + " style-src 'self' 'unsafe-hashes' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final String CONSOLE = "/console/";
    private static final List<String> CONSOLE_FILES = List.of("console.css", "console.js", "api.js",
            "profiles.js", "types.js", "dom.js", "docs.js", "icon.svg");
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
    private static final List<String> SWAGGER_UI_FILES = List.of("swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "swagger-ui.css", "favicon-32x32.png");

    /** A file, with a strong entity tag made of its content's hash, so that a browser revalidates it for free. */
    private record Asset(String contentType, byte[] body, String policy, String etag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    public ConsolePages() {
        assets.put("/", asset("console/index.html", CONSOLE_POLICY));
        assets.put("/docs", asset("console/docs.html", DOCS_POLICY));
        for (String file : CONSOLE_FILES) {
            assets.put(CONSOLE + file, asset("console/" + file, CONSOLE_POLICY));
        }
        String swaggerUi = SWAGGER_UI + swaggerUiVersion() + "/";
        for (String file : SWAGGER_UI_FILES) {
            assets.put("/docs/" + file, asset(swaggerUi + file, DOCS_POLICY));
        }
    }

    public void register(RoutesConfig routes) {
        assets.keySet().forEach(path -> routes.get(path, this::serve));
    }

    private void serve(Context ctx) {
        Asset asset = assets.get(ctx.path());
        if (asset == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Content-Security-Policy", asset.policy());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // Revalidated on every load, so that a new server is never run with an old script; Javalin answers 304
        // without the body when If-None-Match names the tag set here.
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        ctx.contentType(asset.contentType()).result(asset.body());
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static Asset asset(String resource, String policy) {
        try (InputStream in = open(resource)) {
            byte[] body = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
            return new Asset(contentType(resource), body, policy, '"' + hash + '"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ConsolePages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the console's file " + resource + " is missing from the build");
        }
        return in;
    }

    private static String contentType(String resource) {
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalStateException("no media type for " + resource);
        };
    }
}
