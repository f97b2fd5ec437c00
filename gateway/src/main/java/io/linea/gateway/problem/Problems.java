package io.linea.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes the gateway's own problem responses ({@code application/problem+json}) with the same members as the
 * services' ({@code type, title, status, detail, instance, code}); the detail comes from {@code problems_xx.properties}.
 */
@Component
public class Problems {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ro"),
            Locale.forLanguageTag("ru"), Locale.forLanguageTag("cs"), Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("uk"), Locale.forLanguageTag("kk"));

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public Problems() {
        messages.setBasename("problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code) {
        return write(exchange, status, code, headers -> { });
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Consumer<HttpHeaders> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = locale(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        String body = "{\"type\":" + json("urn:linea:problem:" + code) + ",\"title\":" + json(status.getReasonPhrase())
                + ",\"status\":" + status.value() + ",\"detail\":" + json(detail(code, locale)) + ",\"instance\":"
                + json(exchange.getRequest().getPath().value()) + ",\"code\":" + json(code) + "}";
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        responseHeaders.remove(HttpHeaders.CONTENT_LENGTH);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.set(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        responseHeaders.setCacheControl("no-store");
        headers.accept(responseHeaders);
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    public String detail(String code, Locale locale) {
        String fallback = messages.getMessage("problem.fallback", null, "The request could not be completed.", locale);
        return messages.getMessage(code, null, fallback, locale);
    }

    /** The best supported language for an {@code Accept-Language} header, English when none matches. */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match != null ? match : Locale.ENGLISH;
        }
        catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
