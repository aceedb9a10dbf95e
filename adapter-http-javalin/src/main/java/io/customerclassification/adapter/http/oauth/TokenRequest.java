package io.customerclassification.adapter.http.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.customerclassification.application.port.in.identity.ClientCredentials;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a request to the token or revocation endpoint (RFC 6749 §3.2, RFC 7009 §2.1), from an
 * {@code application/x-www-form-urlencoded} body or, as an extension, a JSON object of strings; and the client's
 * credentials, from the body or from HTTP Basic (§2.3.1), never both.
 */
final class TokenRequest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_PARAMETERS = 32;

    private final Map<String, String> parameters;
    private final ClientCredentials credentials;
    private final boolean basic;

    private TokenRequest(Map<String, String> parameters, ClientCredentials credentials, boolean basic) {
        this.parameters = parameters;
        this.credentials = credentials;
        this.basic = basic;
    }

    static TokenRequest read(Context ctx) {
        Map<String, String> parameters = parameters(ctx);
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
            if (parameters.containsKey("client_secret")) {
                throw OAuthException.invalidRequest("Send the client's credentials in the body or by HTTP Basic, not both");
            }
            ClientCredentials basic = basic(authorization);
            if (parameters.containsKey("client_id") && !parameters.get("client_id").equals(basic.clientId())) {
                throw OAuthException.invalidRequest("client_id differs from the HTTP Basic user");
            }
            return new TokenRequest(parameters, basic, true);
        }
        return new TokenRequest(parameters,
                new ClientCredentials(parameters.get("client_id"), parameters.get("client_secret")), false);
    }

    /** The parameter, or {@code null} when it was not sent. */
    String get(String name) {
        return parameters.get(name);
    }

    String require(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthException.invalidRequest("The " + name + " parameter is required");
        }
        return value;
    }

    ClientCredentials credentials() {
        return credentials;
    }

    /** Whether the client authenticated by HTTP Basic (a 401 then names the scheme, RFC 6749 §5.2). */
    boolean usedBasic() {
        return basic;
    }

    private static Map<String, String> parameters(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String body = ctx.body();
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return json(body);
        }
        if (mediaType.equals("application/x-www-form-urlencoded") || (mediaType.isEmpty() && body.isEmpty())) {
            return form(body);
        }
        throw OAuthException.invalidRequest("The body must be application/x-www-form-urlencoded (or application/json)");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new HashMap<>();
        if (body.isEmpty()) {
            return parameters;
        }
        String[] pairs = body.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw OAuthException.invalidRequest("Too many parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            put(parameters, name, value);
        }
        return parameters;
    }

    private static Map<String, String> json(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw OAuthException.invalidRequest("The body is not valid JSON");
        }
        if (tree == null || !tree.isObject() || tree.size() > MAX_PARAMETERS) {
            throw OAuthException.invalidRequest("The body must be a JSON object of at most " + MAX_PARAMETERS
                    + " string parameters");
        }
        Map<String, String> parameters = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw OAuthException.invalidRequest("The " + safeName(field.getKey()) + " parameter must be a string");
            }
            put(parameters, field.getKey(), field.getValue().textValue());
        }
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (parameters.put(name, value) != null) {
            throw OAuthException.invalidRequest("The " + safeName(name) + " parameter is repeated");
        }
    }

    /** A parameter name for a message: only names we know, so no client text is echoed. */
    private static String safeName(String name) {
        return List.of("grant_type", "client_id", "client_secret", "username", "refresh_token", "token",
                "token_type_hint", "scope").contains(name) ? name : "a";
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("The body is not valid form encoding");
        }
    }

    /**
     * HTTP Basic with the id and secret form-urlencoded first (RFC 6749 §2.3.1). Another scheme in
     * {@code Authorization} (a stale bearer token) is no client authentication and is ignored.
     */
    private static ClientCredentials basic(String authorization) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.strip().substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(401, "invalid_client", "Client authentication failed");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new OAuthException(401, "invalid_client", "Client authentication failed");
        }
        return new ClientCredentials(decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1)));
    }
}
