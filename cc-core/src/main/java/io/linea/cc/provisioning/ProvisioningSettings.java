package io.linea.cc.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linea.telephony.*} as the provisioning module needs it: where a softphone registers
 * ({@code LINEA_SIP_DOMAIN}, {@code LINEA_WSS_URL}), handed out with new agent credentials.
 */
@ConfigurationProperties("linea.telephony")
record ProvisioningSettings(String sipDomain, String wssUrl) {
}
