package io.linea.cc.telephony;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelephonySettings.class)
class TelephonyConfiguration {
}
