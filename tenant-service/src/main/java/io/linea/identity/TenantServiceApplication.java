package io.linea.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** tenant-service: OIDC provider, login pages, people, memberships, tenants, policies and audit log. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TenantServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TenantServiceApplication.class, args);
    }
}
