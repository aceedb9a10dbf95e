package io.customerclassification.adapter.http.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.AllowedMethods;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.LogText;
import io.customerclassification.application.port.in.identity.GetPublicKeySetUseCase;
import io.customerclassification.application.port.in.identity.IssueTokenCommand;
import io.customerclassification.application.port.in.identity.IssueTokenUseCase;
import io.customerclassification.application.port.in.identity.IssuedTokens;
import io.customerclassification.application.port.in.identity.RefreshTokenCommand;
import io.customerclassification.application.port.in.identity.RefreshTokenUseCase;
import io.customerclassification.application.port.in.identity.RevokeTokenCommand;
import io.customerclassification.application.port.in.identity.RevokeTokenUseCase;
import io.customerclassification.application.port.in.identity.UnsupportedTokenTypeException;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.domain.identity.InvalidClientException;
import io.customerclassification.domain.identity.InvalidGrantException;
import io.customerclassification.domain.identity.TooManyFailedAuthenticationsException;
import io.customerclassification.domain.shared.CompanyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2.0 token service over HTTP (CONTRACT §4): the token endpoint (RFC 6749) and the revocation endpoint
 * (RFC 7009) under Sage Intacct's path ({@code /ia/api/v1/oauth2/…}) and Simpro's ({@code /oauth2/…}), and the
 * public keys at {@code /.well-known/jwks.json}. Errors are RFC 6749 §5.2 bodies; no answer is cached.
 */
public final class OAuthDialect implements HttpDialect {

    private static final List<String> PREFIXES = List.of("/oauth2", "/ia/api/v1/oauth2");
    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final Pattern COMPANY_ID = Pattern.compile("[0-9]{1,18}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(OAuthDialect.class);

    /** The in-ports this dialect drives. */
    public record UseCases(
            IssueTokenUseCase issue,
            RefreshTokenUseCase refresh,
            RevokeTokenUseCase revoke,
            GetPublicKeySetUseCase publicKeys) {}

    private final UseCases useCases;

    public OAuthDialect(UseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String prefix : PREFIXES) {
            AllowedMethods.guard(routes, prefix + "/token", List.of(HandlerType.POST), OAuthDialect::methodNotAllowed);
            AllowedMethods.guard(routes, prefix + "/revoke", List.of(HandlerType.POST), OAuthDialect::methodNotAllowed);
            routes.post(prefix + "/token", this::token);
            routes.post(prefix + "/revoke", this::revoke);
        }
        AllowedMethods.guard(routes, JWKS_PATH, List.of(HandlerType.GET), OAuthDialect::methodNotAllowed);
        routes.get(JWKS_PATH, this::publicKeys);
    }

    private static RuntimeException methodNotAllowed(String method, String allow) {
        return new OAuthException(405, "invalid_request", method + " is not allowed here; allowed: " + allow);
    }

    @Override
    public boolean owns(String path) {
        return path.equals(JWKS_PATH)
                || PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    // ---- the endpoints

    private void token(Context ctx) {
        TokenRequest request = TokenRequest.read(ctx);
        String grantType = request.require("grant_type");
        IssuedTokens tokens = switch (grantType) {
            case "client_credentials" -> {
                Username username = Username.parse(request.get("username"));
                yield useCases.issue().issueToken(
                        new IssueTokenCommand(request.credentials(), username.user(), username.company()));
            }
            case "refresh_token" -> useCases.refresh().refreshToken(
                    new RefreshTokenCommand(request.credentials(), request.require("refresh_token")));
            default -> throw new OAuthException(400, "unsupported_grant_type",
                    "Supported grant types: client_credentials, refresh_token");
        };
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.expiresIn().toSeconds());
        body.put("refresh_token", tokens.refreshToken());
        write(ctx, 200, body);
    }

    private void revoke(Context ctx) {
        TokenRequest request = TokenRequest.read(ctx);
        useCases.revoke().revokeToken(new RevokeTokenCommand(request.credentials(), request.require("token")));
        noStore(ctx);
        ctx.status(200);
    }

    private void publicKeys(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.status(200).contentType("application/json").result(useCases.publicKeys().publicKeySet());
    }

    /** Intacct's {@code username}, {@code user@company}: the user for the audit, the company the token is limited to. */
    private record Username(String user, CompanyId company) {

        static Username parse(String username) {
            if (username == null) {
                return new Username(null, null);
            }
            int at = username.lastIndexOf('@');
            if (at < 0) {
                return new Username(username, null);
            }
            String company = username.substring(at + 1);
            if (at == 0 || !COMPANY_ID.matcher(company).matches()) {
                throw OAuthException.invalidRequest(
                        "username must be user or user@company, where company is a company ID (digits)");
            }
            return new Username(username.substring(0, at), CompanyId.of(Long.parseLong(company)));
        }
    }

    // ---- errors

    @Override
    public void renderException(Exception exception, Context ctx) {
        OAuthException refusal = translate(exception, ctx);
        if (refusal.status() == 401 && usedBasic(ctx)) {
            ctx.header("WWW-Authenticate", "Basic realm=\"customer-classification\"");
        }
        if (refusal.status() >= 500) {
            LOG.warn("{} {} -> {} {}", ctx.method(), LogText.of(ctx.path()), refusal.status(), refusal.error());
        }
        error(ctx, refusal);
    }

    private static OAuthException translate(Exception exception, Context ctx) {
        if (exception instanceof OAuthException refusal) {
            return refusal;
        }
        if (exception instanceof InvalidClientException invalid) {
            return new OAuthException(401, "invalid_client", invalid.getMessage());
        }
        if (exception instanceof TooManyFailedAuthenticationsException throttled) {
            ctx.header("Retry-After", Long.toString(throttled.retryAfter().toSeconds()));
            return new OAuthException(429, "temporarily_unavailable", "Too many failed client authentications; retry after "
                    + throttled.retryAfter().toSeconds() + " s");
        }
        if (exception instanceof InvalidGrantException invalid) {
            return new OAuthException(400, "invalid_grant", invalid.getMessage());
        }
        if (exception instanceof UnsupportedTokenTypeException unsupported) {
            return new OAuthException(400, "unsupported_token_type", unsupported.getMessage());
        }
        if (exception instanceof ConstraintViolationException violations) {
            return OAuthException.invalidRequest(violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().findFirst().orElse("Invalid request"));
        }
        if (exception instanceof StoreBusyException) {
            ctx.header("Retry-After", Integer.toString(BUSY_RETRY_AFTER_SECONDS));
            return new OAuthException(503, "temporarily_unavailable", BUSY_MESSAGE);
        }
        if (exception instanceof StoreFullException) {
            return new OAuthException(507, "temporarily_unavailable", STORE_FULL_MESSAGE);
        }
        if (exception instanceof HttpResponseException http && http.getStatus() >= 400 && http.getStatus() < 500) {
            return new OAuthException(http.getStatus(), "invalid_request", http.getMessage());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, reference {}: {} {}", reference, ctx.method(), LogText.of(ctx.path()), exception);
        return new OAuthException(500, "server_error", "Internal server error. Reference: " + reference);
    }

    private static boolean usedBasic(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null && authorization.strip().regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    public void renderNotFound(Context ctx) {
        error(ctx, new OAuthException(404, "invalid_request", "No such endpoint"));
    }

    /** The one place where a status and a sentence become this dialect's error answer. */
    @Override
    public void refuse(Context ctx, int status, String message) {
        error(ctx, new OAuthException(status, "invalid_request", message));
    }

    @Override
    public String refusalBody(int status, String reason) {
        return body(status >= 500 ? "temporarily_unavailable" : "invalid_request", reason);
    }

    private static void error(Context ctx, OAuthException refusal) {
        noStore(ctx);
        ctx.status(refusal.status()).contentType("application/json").result(body(refusal.error(), refusal.getMessage()));
    }

    private static String body(String error, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return text(body);
    }

    private static void write(Context ctx, int status, ObjectNode body) {
        noStore(ctx);
        ctx.status(status).contentType("application/json").result(text(body));
    }

    /** RFC 6749 §5.1: an answer with credentials, or about them, is never cached. */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }

    private static String text(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
