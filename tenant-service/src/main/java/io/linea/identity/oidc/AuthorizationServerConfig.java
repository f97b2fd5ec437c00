package io.linea.identity.oidc;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import io.linea.identity.audit.AuditLog;
import io.linea.identity.login.LoginAudit;
import io.linea.identity.support.IdentitySettings;
import io.linea.identity.support.RedirectUris;
import io.linea.identity.support.RequestInfo;

/**
 * The OIDC provider (Spring Authorization Server): one public client {@code linea-web} (authorization
 * code + PKCE), issuer {@code LINEA_PUBLIC_URL}, RS256 keys from the database, 30-minute access tokens
 * carrying the person's memberships, no consent screen, RP-initiated logout (audited).
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    public static final String CLIENT_ID = "linea-web";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RedirectUris redirectUris, LoginAudit loginAudit)
            throws Exception {
        OidcLogoutAuthenticationSuccessHandler logoutRedirect = new OidcLogoutAuthenticationSuccessHandler();
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers
                    .forEach(provider -> {
                        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider authorize) {
                            authorize.setAuthenticationValidator(redirectUris.authorizationRequestValidator());
                        }
                    })));
            server.oidc(oidc -> oidc
                    .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> {
                        OAuth2Authorization authorization = context.getAuthorization();
                        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
                        return new OidcUserInfo(idToken == null ? Map.of("sub", authorization.getPrincipalName())
                                : userInfoClaims(idToken.getToken().getClaims()));
                    }))
                    .logoutEndpoint(logout -> logout
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof OidcLogoutAuthenticationProvider oidcLogout) {
                                    oidcLogout.setAuthenticationValidator(redirectUris.logoutValidator());
                                }
                            }))
                            .logoutResponseHandler((request, response, authentication) -> {
                                if (authentication instanceof OidcLogoutAuthenticationToken token
                                        && token.getIdToken() != null) {
                                    try {
                                        loginAudit.recordFor(UUID.fromString(token.getIdToken().getSubject()),
                                                "logout", AuditLog.SUCCESS, null, RequestInfo.of(request));
                                    } catch (IllegalArgumentException ignored) {
                                        // not one of our subjects: nothing to audit
                                    }
                                }
                                logoutRedirect.onAuthenticationSuccess(request, response, authentication);
                            })));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    private static Map<String, Object> userInfoClaims(Map<String, Object> idTokenClaims) {
        Map<String, Object> claims = new HashMap<>();
        for (String name : new String[] { "sub", "preferred_username", "name", "locale", "platform_roles",
                "memberships" }) {
            if (idTokenClaims.containsKey(name)) {
                claims.put(name, idTokenClaims.get(name));
            }
        }
        return claims;
    }

    @Bean
    RedirectUris redirectUris(IdentitySettings settings) {
        return new RedirectUris(settings);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentitySettings settings, RedirectUris redirectUris) {
        RegisteredClient web = RegisteredClient.withId("linea-web-client")
                .clientId(CLIENT_ID)
                .clientName("Linea web app")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUris.publicCallback())
                .postLogoutRedirectUri(redirectUris.publicLogoutTarget())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(settings.accessTokenMinutes()))
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(web);
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    /** Validates tokens this service issued: its own keys and issuer (the API and /userinfo use it). */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentitySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        return decoder;
    }

    /** Linea's claims in access tokens and ID tokens (and so in /userinfo). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> lineaClaims(IdentityClaims identityClaims) {
        return context -> {
            OAuth2TokenType type = context.getTokenType();
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(type);
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(type.getValue());
            if (!accessToken && !idToken) {
                return;
            }
            UUID personId;
            try {
                personId = UUID.fromString(context.getPrincipal().getName());
            } catch (IllegalArgumentException e) {
                return;
            }
            identityClaims.of(personId).ifPresent(claims -> claims.forEach(context.getClaims()::claim));
        };
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
