package io.linea.cc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Contact-center core: tenant settings, working-hours calendars and queues (routing and telephony later). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CcCoreApplication {

    public static void main(String[] args) {
        SpringApplication.run(CcCoreApplication.class, args);
    }
}
