package io.linea.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings shared by every service ({@code linea.platform.*}). */
@ConfigurationProperties("linea.platform")
public record PlatformSettings(@DefaultValue("1048576") long maxBodyBytes) {
}
