package io.linea.gateway.ratelimit;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code refill} tokens per {@code periodNanos}, and a
 * request takes one. Time is passed in so that the arithmetic can be tested without sleeping.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(long capacity, long refill, long periodNanos, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) refill / periodNanos;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token; returns 0 when granted, else the nanoseconds until one will be available. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Full buckets carry no state worth keeping and can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }
}
