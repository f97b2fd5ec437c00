package io.linea.identity.login;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseCookie;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import io.linea.identity.support.Languages;

/**
 * Chooses the language of the login pages: {@code ?lang=} (remembered in the {@code linea_lang}
 * cookie), then {@code ui_locales} of the pending authorization request, then the cookie, then
 * {@code Accept-Language}, then English. The choice is presented to Spring MVC as the request's
 * {@code Accept-Language}, which the platform's locale resolver reads.
 */
public class LoginLocaleFilter extends OncePerRequestFilter {

    public static final String COOKIE = "linea_lang";
    static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/login") || path.startsWith("/login/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> explicit = Languages.supported(request.getParameter("lang"));
        explicit.ifPresent(language -> response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, language)
                .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(false).build().toString()));
        String language = explicit.or(() -> uiLocales(request)).or(() -> cookie(request))
                .or(() -> acceptLanguage(request)).orElse("en");
        chain.doFilter(new LanguageRequest(request, Locale.forLanguageTag(language)), response);
    }

    private static Optional<String> uiLocales(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SAVED_REQUEST) instanceof SavedRequest saved)) {
            return Optional.empty();
        }
        String[] values = saved.getParameterValues("ui_locales");
        if (values == null) {
            return Optional.empty();
        }
        for (String value : values) {
            for (String tag : value.trim().split("\\s+")) {
                Optional<String> language = Languages.supported(tag);
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Languages.supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> acceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Optional<String> language = Languages.supported(locale.toLanguageTag());
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }

    private static final class LanguageRequest extends HttpServletRequestWrapper {

        private final Locale locale;

        LanguageRequest(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(List.of(locale));
        }

        @Override
        public String getHeader(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? locale.toLanguageTag() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? Collections.enumeration(List.of(locale.toLanguageTag()))
                    : super.getHeaders(name);
        }
    }
}
