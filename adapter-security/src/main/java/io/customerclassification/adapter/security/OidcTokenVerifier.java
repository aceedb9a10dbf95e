package io.customerclassification.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.customerclassification.application.port.out.identity.ExternalIdentity;
import io.customerclassification.application.port.out.identity.VerifyExternalTokenPort;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Accepts access tokens of an external OpenID Connect issuer (Keycloak, Auth0, Entra ID…): its keys come from the
 * {@code jwks_uri} of its discovery document ({@code {issuer}/.well-known/openid-configuration}), fetched on the
 * first such token and cached by Nimbus; its grants from one claim, in the admin API's form
 * ({@code [{"company": 1 | "*", "resource": "customer-type", "permissions": ["list", "view"]}]}).
 *
 * <p>The issuer must be reachable when its first token arrives, not when the server starts. A token with no grants
 * claim is authenticated and may do nothing; one whose claim cannot be read is refused. External identities are
 * never admins, and their tokens are revoked at the issuer, not here.
 */
public final class OidcTokenVerifier implements VerifyExternalTokenPort {

    /**
     * @param issuer the issuer's identifier, exactly as its tokens' {@code iss}
     * @param grantsClaim the claim that carries the grants
     * @param audience a value the tokens' {@code aud} must contain, or {@code null} to accept any audience
     * @param timeout for each request to the issuer
     */
    public record Settings(URI issuer, String grantsClaim, String audience, Duration timeout) {

        public static final String DEFAULT_GRANTS_CLAIM = "customer_classification_grants";

        public Settings {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(grantsClaim, "grantsClaim");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Duration DISCOVERY_RETRY = Duration.ofSeconds(10);
    private static final int MAX_DOCUMENT_BYTES = 512 * 1024;
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final Settings settings;
    private final String issuer;
    private final DefaultResourceRetriever retriever;
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    private volatile Instant lastFailedDiscovery;

    public OidcTokenVerifier(Settings settings) {
        this.settings = settings;
        this.issuer = settings.issuer().toString();
        int millis = (int) settings.timeout().toMillis();
        this.retriever = new DefaultResourceRetriever(millis, millis, MAX_DOCUMENT_BYTES);
    }

    @Override
    public ExternalIdentity verifyExternalToken(String token, Instant now) {
        try {
            if (!issuer.equals(JWTParser.parse(token).getJWTClaimsSet().getIssuer())) {
                throw new InvalidTokenException(Reason.UNKNOWN_ISSUER);
            }
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        JWTClaimsSet claims;
        try {
            claims = processor(now).process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        return identity(claims, now);
    }

    private ExternalIdentity identity(JWTClaimsSet claims, Instant now) {
        Date expiresAt = claims.getExpirationTime();
        if (expiresAt == null) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!now.isBefore(expiresAt.toInstant())) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID);
        }
        if (settings.audience() != null
                && (claims.getAudience() == null || !claims.getAudience().contains(settings.audience()))) {
            throw new InvalidTokenException(Reason.UNKNOWN_ISSUER);
        }
        try {
            String user = claims.getStringClaim("preferred_username");
            if (user == null || user.isBlank()) {
                user = claims.getSubject();
            }
            if (user == null || user.isBlank() || user.length() > 255 || user.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidTokenException(Reason.MALFORMED);
            }
            Object grants = claims.getClaim(settings.grantsClaim());
            List<Grant> parsed = grants == null ? List.of() : GrantsClaim.parse(grants);
            return new ExternalIdentity(user, parsed, expiresAt.toInstant());
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    /** The processor over the issuer's keys, made on first use from its discovery document. */
    private DefaultJWTProcessor<SecurityContext> processor(Instant now) {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (processor != null) {
                return processor;
            }
            Instant failed = lastFailedDiscovery;
            if (failed != null && now.isBefore(failed.plus(DISCOVERY_RETRY))) {
                throw new InvalidTokenException(Reason.BAD_SIGNATURE);
            }
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUri(), retriever)
                        .retrying(false)
                        .build();
                DefaultJWTProcessor<SecurityContext> made = new DefaultJWTProcessor<>();
                made.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                        JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
                made.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
                made.setJWTClaimsSetVerifier((claims, context) -> { }); // checked against the caller's clock
                processor = made;
                return made;
            } catch (IOException | ParseException | IllegalArgumentException e) {
                lastFailedDiscovery = now;
                throw new InvalidTokenException(Reason.BAD_SIGNATURE);
            }
        }
    }

    /** OpenID Connect Discovery 1.0 §4: the document must name the same issuer. */
    private URL jwksUri() throws IOException, ParseException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Resource document = retriever.retrieveResource(toUrl(base + "/.well-known/openid-configuration"));
        Map<String, Object> metadata = JSONObjectUtils.parse(document.getContent());
        if (!issuer.equals(JSONObjectUtils.getString(metadata, "issuer"))) {
            throw new ParseException("the discovery document names another issuer", 0);
        }
        String jwks = JSONObjectUtils.getString(metadata, "jwks_uri");
        if (jwks == null) {
            throw new ParseException("the discovery document has no jwks_uri", 0);
        }
        return toUrl(jwks);
    }

    private static URL toUrl(String text) throws MalformedURLException {
        try {
            return URI.create(text).toURL();
        } catch (IllegalArgumentException e) {
            throw new MalformedURLException(text + " is no URL");
        }
    }
}
