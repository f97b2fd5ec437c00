package io.linea.identity.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations (codes in flight, issued tokens, ID tokens for logout) kept in memory and dropped
 * after {@link #RETENTION}. Access tokens are self-contained JWTs signed with the persisted key, so a
 * restart only loses codes that were not yet exchanged and the ability to match an old ID token at logout.
 */
public class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    static final Duration RETENTION = Duration.ofHours(12);
    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> authorizations = new ConcurrentHashMap<>();

    private record Entry(OAuth2Authorization authorization, Instant storedAt) {
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        if (authorizations.size() >= MAX_ENTRIES) {
            purge(Instant.now().minus(Duration.ofMinutes(30)));
        }
        authorizations.put(authorization.getId(), new Entry(authorization, Instant.now()));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Entry entry = authorizations.get(id);
        return entry == null ? null : entry.authorization();
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        for (Entry entry : authorizations.values()) {
            if (hasToken(entry.authorization(), token, tokenType)) {
                return entry.authorization();
            }
        }
        return null;
    }

    @Scheduled(fixedDelay = 600_000)
    public void purgeExpired() {
        purge(Instant.now().minus(RETENTION));
    }

    void purge(Instant storedBefore) {
        authorizations.values().removeIf(entry -> entry.storedAt().isBefore(storedBefore));
    }

    int size() {
        return authorizations.size();
    }

    private static boolean hasToken(OAuth2Authorization authorization, String token, OAuth2TokenType tokenType) {
        if (tokenType == null) {
            return matches(authorization, token, OAuth2ParameterNames.STATE)
                    || matchesToken(authorization.getToken(OAuth2AuthorizationCode.class), token)
                    || matchesToken(authorization.getAccessToken(), token)
                    || matchesToken(authorization.getRefreshToken(), token)
                    || matchesToken(authorization.getToken(OidcIdToken.class), token);
        }
        return switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> matches(authorization, token, OAuth2ParameterNames.STATE);
            case OAuth2ParameterNames.CODE -> matchesToken(authorization.getToken(OAuth2AuthorizationCode.class), token);
            case OAuth2ParameterNames.ACCESS_TOKEN -> matchesToken(authorization.getAccessToken(), token);
            case OAuth2ParameterNames.REFRESH_TOKEN -> matchesToken(authorization.getRefreshToken(), token);
            case OidcParameterNames.ID_TOKEN -> matchesToken(authorization.getToken(OidcIdToken.class), token);
            default -> false;
        };
    }

    private static boolean matches(OAuth2Authorization authorization, String token, String attribute) {
        return token.equals(authorization.getAttribute(attribute));
    }

    private static boolean matchesToken(OAuth2Authorization.Token<?> stored, String token) {
        return stored != null && stored.getToken().getTokenValue().equals(token);
    }
}
