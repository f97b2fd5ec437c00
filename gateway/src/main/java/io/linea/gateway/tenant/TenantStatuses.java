package io.linea.gateway.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.linea.gateway.GatewaySettings;
import io.linea.gateway.problem.GatewayProblem;
import reactor.core.publisher.Mono;

/**
 * Tenant statuses from tenant-service ({@code GET /internal/tenants/status}), cached for
 * {@code linea.gateway.tenant-status-ttl}. Concurrent refreshes share one call. When tenant-service cannot be reached
 * the last known list is used (and the call is not retried for one TTL, so an outage does not add a timeout to every
 * request); with no list at all the request fails with 503 rather than letting a suspended tenant in.
 */
@Component
public class TenantStatuses {

    private static final Logger log = LoggerFactory.getLogger(TenantStatuses.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    /** One tenant as tenant-service reports it. */
    record TenantStatus(UUID id, String slug, String status) {
    }

    private record Snapshot(Map<UUID, String> statuses, long fetchedAt) {
    }

    private final WebClient client;
    private final String internalToken;
    private final long ttlNanos;
    private final LongSupplier clock = System::nanoTime;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Mono<Snapshot>> inFlight = new AtomicReference<>();
    /** When the last refresh failed; for one TTL after that the stale list is used without trying again. */
    private volatile long failedAt;
    private volatile boolean failed;

    TenantStatuses(GatewaySettings settings) {
        this.client = WebClient.builder().baseUrl(settings.identityUrl().toString()).build();
        this.internalToken = settings.internalToken();
        this.ttlNanos = settings.tenantStatusTtl().toNanos();
    }

    /**
     * The tenant's status ({@code ACTIVE}, {@code SUSPENDED}, …), empty if tenant-service does not know it. A tenant
     * missing from a fresh list triggers one refresh: it may have been created since, and only a signed token
     * naming it as a membership gets this far.
     */
    public Mono<Optional<String>> statusOf(UUID tenant) {
        Snapshot known = current.get();
        long now = clock.getAsLong();
        if (known != null && known.statuses().containsKey(tenant)
                && (now - known.fetchedAt() < ttlNanos || (failed && now - failedAt < ttlNanos))) {
            return Mono.just(Optional.of(known.statuses().get(tenant)));
        }
        return refresh().map(snapshot -> Optional.ofNullable(snapshot.statuses().get(tenant))).onErrorResume(error -> {
            failedAt = clock.getAsLong();
            failed = true;
            Snapshot stale = current.get();
            if (stale == null) {
                log.warn("Tenant status unavailable and nothing cached: {}", error.toString());
                return Mono.error(GatewayProblem.upstreamUnavailable());
            }
            log.warn("Tenant status refresh failed, using the list from {} ms ago: {}",
                    (clock.getAsLong() - stale.fetchedAt()) / 1_000_000, error.toString());
            return Mono.just(Optional.ofNullable(stale.statuses().get(tenant)));
        });
    }

    private Mono<Snapshot> refresh() {
        while (true) {
            Mono<Snapshot> running = inFlight.get();
            if (running != null) {
                return running;
            }
            Mono<Snapshot> call = fetch().doFinally(signal -> inFlight.set(null)).cache();
            if (inFlight.compareAndSet(null, call)) {
                return call;
            }
        }
    }

    private Mono<Snapshot> fetch() {
        return client.get().uri("/internal/tenants/status").header("X-Linea-Internal-Token", internalToken)
                .retrieve().bodyToMono(new ParameterizedTypeReference<List<TenantStatus>>() {
                })
                .timeout(CALL_TIMEOUT)
                .map(list -> new Snapshot(list.stream().collect(Collectors.toUnmodifiableMap(TenantStatus::id,
                        TenantStatus::status, (a, b) -> b)), clock.getAsLong()))
                .doOnNext(snapshot -> {
                    current.set(snapshot);
                    failed = false;
                });
    }
}
