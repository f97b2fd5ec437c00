package io.linea.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every service ({@code linea.platform.*}).
 *
 * @param maxBodyBytes largest request body accepted
 * @param platformDbRole database role that platform-scope transactions switch to; the application
 *        role must be a member of it
 */
@ConfigurationProperties("linea.platform")
public record PlatformSettings(@DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("linea_platform") String platformDbRole) {
}
