package io.linea.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.linea.gateway.GatewaySettings;

/** Token bucket arithmetic with a fake clock. */
class TokenBucketTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenRefillAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong(42);
        RateLimiter limiter = new RateLimiter(new GatewaySettings.ApiLimit(3, 1, Duration.ofSeconds(2)), now::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(2);
        assertThat(limiter.tryAcquire("b")).as("other keys have their own bucket").isZero();
        now.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);
        now.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(2);
        now.addAndGet(60 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).as("refill never exceeds the capacity").isZero();
        }
        assertThat(limiter.tryAcquire("a")).isPositive();
    }

    @Test
    void loginDefaultsAllowTwentyAMinute() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(new GatewaySettings.LoginLimit(20, 20, Duration.ofMinutes(1)), now::get);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isEqualTo(3);
    }

    @Test
    void idleBucketsAreForgottenWhenManyKeysAppear() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(new GatewaySettings.ApiLimit(2, 1, Duration.ofSeconds(1)), now::get);
        for (int i = 0; i < 10_001; i++) {
            limiter.tryAcquire("k" + i);
        }
        now.addAndGet(10 * SECOND);
        limiter.tryAcquire("last");
        assertThat(limiter.size()).isEqualTo(1);
    }
}
