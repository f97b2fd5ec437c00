package io.linea.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.linea.gateway.GatewaySettings;

/**
 * Token buckets by key (a client address, a tenant). In memory, per gateway instance: with several instances behind a
 * load balancer each enforces its own share. Idle (full) buckets are swept once the map grows, so a flood of distinct
 * addresses cannot grow memory without bound.
 */
final class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final GatewaySettings.Bucket spec;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(GatewaySettings.Bucket spec, LongSupplier clock) {
        this.spec = spec;
        this.clock = clock;
    }

    RateLimiter(GatewaySettings.Bucket spec) {
        this(spec, System::nanoTime);
    }

    /** Returns 0 when the request may pass, else the whole seconds to wait (for Retry-After). */
    long tryAcquire(String key) {
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(key,
                k -> new TokenBucket(spec.capacity(), spec.refill(), spec.period().toNanos(), now));
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    int size() {
        return buckets.size();
    }
}
