package io.linea.cc.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code linea.seed.*}: whether to seed the demo tenants ({@code LINEA_SEED_DEMO}). */
@ConfigurationProperties("linea.seed")
record SeedSettings(boolean demo) {
}
