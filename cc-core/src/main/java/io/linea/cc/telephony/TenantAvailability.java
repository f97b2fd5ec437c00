package io.linea.cc.telephony;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a tenant is suspended, from tenant-service's internal status list (the same source the
 * gateway uses), cached for a few seconds. When tenant-service cannot be asked, the last known
 * answer stands: a call is never refused because of a status lookup.
 */
@Component
class TenantAvailability {

    private static final Logger log = LoggerFactory.getLogger(TenantAvailability.class);
    private static final Duration TTL = Duration.ofSeconds(2);

    private final TelephonySettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Set<UUID> suspended = Set.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    TenantAvailability(TelephonySettings settings) {
        this.settings = settings;
    }

    boolean suspended(UUID tenantId) {
        refreshIfStale();
        return suspended.contains(tenantId);
    }

    private void refreshIfStale() {
        if (settings.identityUrl() == null || settings.identityUrl().isBlank()
                || Instant.now().isBefore(fetchedAt.plus(TTL))) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.identityUrl() + "/internal/tenants/status"))
                    .timeout(Duration.ofSeconds(1))
                    .header("X-Linea-Internal-Token", settings.internalToken() == null ? "" : settings.internalToken())
                    .GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode list = json.readTree(response.body());
                suspended = StreamSupport.stream(list.spliterator(), false)
                        .filter(t -> "SUSPENDED".equals(t.path("status").asString()))
                        .map(t -> UUID.fromString(t.path("id").asString()))
                        .collect(Collectors.toUnmodifiableSet());
            } else {
                log.warn("Tenant status lookup answered {}", response.statusCode());
            }
        } catch (Exception e) {
            log.warn("Tenant status lookup failed: {}", e.toString());
        } finally {
            fetchedAt = Instant.now();
        }
    }
}
