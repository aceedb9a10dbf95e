package io.customerclassification.adapter.http;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.AuthenticateBearerUseCase;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.javalin.http.Context;
import java.util.Enumeration;

/**
 * Who calls, from a request's {@code Authorization: Bearer …} header (RFC 6750 §2.1): the credential goes to the
 * authentication use case, which answers the {@link Caller} or refuses with the reason. With authentication off
 * ({@code --auth none}) every request is the trusted system caller.
 */
public final class BearerAuthentication {

    /** The realm every {@code WWW-Authenticate} challenge names. */
    public static final String REALM = "customer-classification";

    /** The caller of every request with authentication off: validated once, not on each request. */
    private static final Caller SYSTEM = Caller.system(null);
    private static final String CALLER = BearerAuthentication.class.getName() + ".caller";

    private final AuthenticateBearerUseCase authenticate;

    private BearerAuthentication(AuthenticateBearerUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /** Every request needs a credential that {@code authenticate} accepts. */
    public static BearerAuthentication required(AuthenticateBearerUseCase authenticate) {
        return new BearerAuthentication(java.util.Objects.requireNonNull(authenticate, "authenticate"));
    }

    /** No request needs a credential: each is the system caller (for local tests only). */
    public static BearerAuthentication off() {
        return new BearerAuthentication(null);
    }

    public boolean isOff() {
        return authenticate == null;
    }

    /**
     * The caller of this request, authenticated once per request.
     *
     * @throws InvalidTokenException when no credential was sent, or it is not accepted
     */
    public Caller caller(Context ctx) {
        Caller known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        Caller caller = authenticate == null ? SYSTEM : authenticate.authenticate(credential(ctx));
        ctx.attribute(CALLER, caller);
        return caller;
    }

    /** What follows {@code Bearer } in the request's one {@code Authorization} header; null when none was sent. */
    private static String credential(Context ctx) {
        Enumeration<String> headers = ctx.req().getHeaders("Authorization");
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String header = headers.nextElement().strip();
        if (headers.hasMoreElements()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null; // another scheme is no bearer token
        }
        String token = header.substring(7).strip();
        if (!isToken68(token)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        return token;
    }

    /** The characters of RFC 6750's {@code b64token} before its trailing {@code =}s, by their code. */
    private static final boolean[] B64TOKEN = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            B64TOKEN[c] = true;
            B64TOKEN[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            B64TOKEN[c] = true;
        }
        for (char c : "._~+/-".toCharArray()) {
            B64TOKEN[c] = true;
        }
    }

    /**
     * Whether {@code token} has RFC 6750's {@code b64token} syntax: {@code [A-Za-z0-9._~+/-]+=*}. A table rather than
     * a regular expression, since every request's token (a JWT of several hundred characters) passes here.
     */
    static boolean isToken68(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            if (c >= B64TOKEN.length || !B64TOKEN[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code WWW-Authenticate} challenge of a 401 (RFC 6750 §3): {@code error="invalid_token"} when a
     * credential was sent, nothing more when none was.
     */
    public static String challenge(InvalidTokenException refusal) {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (refusal.reason() == InvalidTokenException.Reason.MISSING) {
            return challenge;
        }
        return challenge + ", error=\"invalid_token\", error_description=\"" + refusal.getMessage() + "\"";
    }
}
