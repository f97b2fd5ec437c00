package io.linea.identity.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Request bodies and response helpers shared by the API tests. */
public final class Bodies {

    private Bodies() {
    }

    public static Map<String, Object> newUser(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "New Person");
        body.put("email", username + "@example.com");
        body.put("locale", "ro");
        body.put("initialPassword", password);
        body.put("roles", List.of("agent"));
        body.put("extraPermissions", List.of());
        return body;
    }

    /** A policy GET response as a PUT body. */
    public static Map<String, Object> policy(JsonNode policy) {
        Map<String, Object> body = new LinkedHashMap<>();
        policy.properties().forEach(e -> body.put(e.getKey(), Api.JSON.treeToValue(e.getValue(), Object.class)));
        return body;
    }

    public static List<String> errorCodes(Api.Response response) {
        List<String> codes = new ArrayList<>();
        if (response.json().get("errors") != null) {
            response.json().get("errors").forEach(e -> codes.add(e.get("code").asString()));
        }
        return codes;
    }
}
