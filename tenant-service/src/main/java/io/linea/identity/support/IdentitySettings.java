package io.linea.identity.support;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of tenant-service ({@code linea.identity.*}). */
@ConfigurationProperties("linea.identity")
public record IdentitySettings(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("localhost") String baseDomain,
        @DefaultValue("") String internalToken,
        @DefaultValue("") String platformAdminPassword,
        @DefaultValue("30") int accessTokenMinutes,
        @DefaultValue("365") int platformAuditRetentionDays) {

    /** The public URL without a trailing slash; also the token issuer. */
    public String issuer() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public URI publicUri() {
        return URI.create(issuer());
    }
}
