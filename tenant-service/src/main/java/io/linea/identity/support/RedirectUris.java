package io.linea.identity.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

/**
 * Which origins the web app may be served from: {@code LINEA_PUBLIC_URL} and every tenant address
 * {@code {scheme}://{slug}.{LINEA_BASE_DOMAIN}[:port]}. The {@code linea-web} client may be redirected
 * to {@code {origin}/auth/callback} after login and to {@code {origin}/} after logout, and nowhere else.
 */
public class RedirectUris {

    public static final String CALLBACK_PATH = "/auth/callback";

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$");

    private final URI publicUri;
    private final String baseDomain;

    public RedirectUris(IdentitySettings settings) {
        this.publicUri = settings.publicUri();
        this.baseDomain = settings.baseDomain().toLowerCase(Locale.ROOT);
    }

    public String publicCallback() {
        return origin(publicUri) + CALLBACK_PATH;
    }

    public String publicLogoutTarget() {
        return origin(publicUri) + "/";
    }

    public boolean allowedCallback(String redirectUri) {
        return parse(redirectUri).filter(uri -> CALLBACK_PATH.equals(uri.getRawPath())).filter(this::allowedOrigin)
                .isPresent();
    }

    public boolean allowedLogoutTarget(String redirectUri) {
        return parse(redirectUri).filter(uri -> "/".equals(uri.getRawPath())).filter(this::allowedOrigin).isPresent();
    }

    /** The tenant slug of a host name {@code {slug}.{base domain}}, if it is one. */
    public Optional<String> tenantSlug(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String value = host.toLowerCase(Locale.ROOT);
        String suffix = "." + baseDomain;
        if (!value.endsWith(suffix)) {
            return Optional.empty();
        }
        String slug = value.substring(0, value.length() - suffix.length());
        return SLUG.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
    }

    private boolean allowedOrigin(URI uri) {
        if (origin(uri).equals(origin(publicUri))) {
            return true;
        }
        return tenantSlug(uri.getHost()).isPresent();
    }

    private static Optional<URI> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Replaces the exact-match redirect URI check of the authorization endpoint; keeps the scope check. */
    public Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> authorizationRequestValidator() {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirect = context -> {
            OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
            String requested = request.getRedirectUri();
            boolean registered = requested != null && context.getRegisteredClient().getRedirectUris().contains(requested);
            if (!registered && !allowedCallback(requested)) {
                OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "OAuth 2.0 Parameter: " + "redirect_uri", null);
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
            }
        };
        return redirect.andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR);
    }

    /** Post-logout redirect: {@code {origin}/} of an allowed origin (or a registered URI). */
    public Consumer<OidcLogoutAuthenticationContext> logoutValidator() {
        return context -> {
            OidcLogoutAuthenticationToken logout = context.getAuthentication();
            String target = logout.getPostLogoutRedirectUri();
            if (target == null || target.isBlank()) {
                return;
            }
            boolean registered = context.getRegisteredClient().getPostLogoutRedirectUris().contains(target);
            if (!registered && !allowedLogoutTarget(target)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "OIDC Parameter: post_logout_redirect_uri", null));
            }
        };
    }
}
