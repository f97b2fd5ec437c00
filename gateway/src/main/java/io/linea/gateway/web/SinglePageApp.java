package io.linea.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

import reactor.core.publisher.Mono;

/**
 * Serves the React app from {@code classpath:/static/} (the {@code web} jar). Gateway routes are matched first
 * (their handler mapping has a higher precedence), so this only sees what no service owns: files, client-side
 * routes (answered with index.html) and unknown API paths (a 404 problem, never the app's HTML).
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp {

    private static final String ROOT = "static/";
    private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();

    @Bean
    RouterFunction<ServerResponse> singlePageAppRoutes() {
        return RouterFunctions
                .route(path("/api/**").or(path("/internal/**")).or(path("/actuator/**")),
                        request -> notFound())
                .andRoute(GET("/**").or(HEAD("/**")), SinglePageApp::serve);
    }

    static Mono<ServerResponse> serve(ServerRequest request) {
        String path = UriUtils.decode(request.requestPath().pathWithinApplication().value(), StandardCharsets.UTF_8);
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        Resource file = safe(path) ? new ClassPathResource(ROOT + path.substring(1)) : null;
        if (file != null && file.isReadable()) {
            return file(file, path.startsWith("/assets/") ? HASHED : REVALIDATE);
        }
        if (wantsHtml(request)) {
            Resource index = new ClassPathResource(ROOT + "index.html");
            if (index.isReadable()) {
                return file(index, REVALIDATE);
            }
        }
        return notFound();
    }

    private static Mono<ServerResponse> file(Resource resource, CacheControl cache) {
        MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ServerResponse.ok().contentType(type).cacheControl(cache).body(BodyInserters.fromResource(resource));
    }

    /** Client-side routes are navigations: the browser asks for text/html explicitly. */
    private static boolean wantsHtml(ServerRequest request) {
        return request.headers().accept().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    /** No way out of static/: no dot segments, backslashes or NUL after decoding. */
    private static boolean safe(String path) {
        return path.startsWith("/") && !path.contains("..") && !path.contains("\\") && !path.contains("\0")
                && !path.contains("//");
    }

    private static Mono<ServerResponse> notFound() {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
