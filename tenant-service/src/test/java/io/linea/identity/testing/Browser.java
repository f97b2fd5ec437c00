package io.linea.identity.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * A browser as the OIDC flow sees it: cookies kept, redirects not followed (so each step can be checked),
 * forms posted with the page's CSRF token.
 */
public class Browser {

    public static final String CALLBACK = "http://localhost:8080/auth/callback";

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String verifier;
    private String state;

    public Browser(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        headers.put("Accept", "text/html,application/xhtml+xml");
        headers.put("User-Agent", "LineaTestBrowser/1.0");
    }

    /** A header sent with every request (e.g. {@code X-Forwarded-For}, {@code Accept-Language}). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public record Page(int status, String body, String location) {

        public String csrf() {
            Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                m = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(body);
                if (!m.find()) {
                    throw new AssertionError("No CSRF token on the page: " + body);
                }
            }
            return m.group(1);
        }

        /** Text of the element with this {@code data-testid}, or null. */
        public String testId(String id) {
            Matcher m = Pattern.compile("data-testid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(body);
            return m.find() ? unescape(m.group(1).trim()) : null;
        }

        public boolean redirectsTo(String pathOrUrl) {
            return location != null && location.contains(pathOrUrl);
        }

        private static String unescape(String html) {
            return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }
    }

    public String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form with the CSRF token of the page currently at {@code path}. */
    public Page submit(String path, Map<String, String> fields) {
        Page page = get(path);
        if (page.status() != 200) {
            throw new AssertionError("GET " + path + " gave " + page.status() + " -> " + page.location());
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", page.csrf());
        return post(path, form);
    }

    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the OIDC authorization code flow with PKCE -----------------------------------------------------

    /** Step 1: {@code GET /oauth2/authorize}; returns the response (a redirect to /login when signed out). */
    public Page authorize(String redirectUri, String extraQuery) {
        verifier = random(32);
        state = random(12);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String query = "response_type=code&client_id=linea-web&scope=" + enc("openid profile") + "&redirect_uri="
                + enc(redirectUri) + "&state=" + state + "&code_challenge=" + challenge
                + "&code_challenge_method=S256" + (extraQuery == null ? "" : "&" + extraQuery);
        return get("/oauth2/authorize?" + query);
    }

    public Page authorize() {
        return authorize(CALLBACK, null);
    }

    /** Signs in with username and password from the login page; returns the POST's response. */
    public Page login(String username, String password) {
        return submit("/login", Map.of("username", username, "password", password));
    }

    /** Follows the redirect back to the authorization endpoint and returns the authorization code. */
    public String code(Page afterLogin) {
        if (afterLogin.location() == null || !afterLogin.location().contains("/oauth2/authorize")) {
            throw new AssertionError("Expected a redirect to the authorization endpoint, got " + afterLogin.status()
                    + " " + afterLogin.location() + " " + afterLogin.body());
        }
        Page callback = get(afterLogin.location());
        if (callback.location() == null || !callback.location().contains("code=")) {
            throw new AssertionError("Expected a redirect with a code, got " + callback.status() + " "
                    + callback.location() + " " + callback.body());
        }
        Map<String, String> params = query(URI.create(callback.location()).getRawQuery());
        if (!state.equals(params.get("state"))) {
            throw new AssertionError("State mismatch in " + callback.location());
        }
        return params.get("code");
    }

    /** Exchanges a code for tokens at {@code /oauth2/token} with the PKCE verifier. */
    public JsonNode tokens(String code, String redirectUri) {
        Page response = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", "linea-web", "code_verifier", verifier));
        if (response.status() != 200) {
            throw new AssertionError("Token request failed: " + response.status() + " " + response.body());
        }
        return Api.JSON.readTree(response.body());
    }

    /** The whole flow for a person without MFA or password change: returns the token response. */
    public JsonNode signIn(String username, String password) {
        Page start = authorize();
        if (!start.redirectsTo("/login")) {
            throw new AssertionError("Expected redirect to login, got " + start.status() + " " + start.location());
        }
        return tokens(code(login(username, password)), CALLBACK);
    }

    public static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] data = new byte[bytes];
        new SecureRandom().nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
