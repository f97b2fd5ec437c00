package io.linea.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway ({@code linea.gateway.*}).
 *
 * @param identityUrl tenant-service base address (routes, JWK set, tenant status)
 * @param ccUrl cc-core base address
 * @param internalToken shared secret for tenant-service's {@code /internal/**} endpoints
 * @param tenantStatusTtl how long the tenant status list is trusted before it is fetched again
 * @param baseDomain tenant addresses are {@code {slug}.{baseDomain}}; login forms may post across them
 * @param trustedProxies addresses or CIDR ranges of load balancers whose X-Forwarded-* headers are believed
 * @param maxApiBodySize largest request body accepted on {@code /api/**}
 * @param maxUploadSize largest {@code multipart/form-data} body on {@code /api/**}: file imports (knowledge-base
 *        documents, client lists); each service still applies its own, usually smaller, per-upload limits
 * @param rateLimit token bucket sizes
 */
@ConfigurationProperties("linea.gateway")
public record GatewaySettings(
        @DefaultValue("http://127.0.0.1:8081") URI identityUrl,
        @DefaultValue("http://127.0.0.1:8082") URI ccUrl,
        @DefaultValue("") String internalToken,
        @DefaultValue("2s") Duration tenantStatusTtl,
        @DefaultValue("localhost") String baseDomain,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("1MB") DataSize maxApiBodySize,
        @DefaultValue("60MB") DataSize maxUploadSize,
        @DefaultValue RateLimits rateLimit) {

    /**
     * @param login per client address on the login and token endpoints
     * @param api per tenant (or per person without a tenant) on {@code /api/**}
     */
    public record RateLimits(@DefaultValue LoginLimit login, @DefaultValue ApiLimit api) {
    }

    /** 20 attempts, refilled at 20 a minute. */
    public record LoginLimit(@DefaultValue("20") long capacity, @DefaultValue("20") long refill,
            @DefaultValue("1m") Duration period) implements Bucket {
    }

    /** Bursts of 200, 100 requests a second sustained. */
    public record ApiLimit(@DefaultValue("200") long capacity, @DefaultValue("100") long refill,
            @DefaultValue("1s") Duration period) implements Bucket {
    }

    /** A token bucket holding at most {@code capacity} tokens, refilled by {@code refill} tokens every {@code period}. */
    public interface Bucket {

        long capacity();

        long refill();

        Duration period();
    }
}
