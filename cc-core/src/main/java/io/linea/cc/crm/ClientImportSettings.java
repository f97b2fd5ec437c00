package io.linea.cc.crm;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code linea.crm.import.*}: limits of a client import file (CRM-05) and where an accepted file waits for
 * its worker. {@code maxInflatedSize} bounds what one entry of an Excel file may unpack to, and
 * {@code minInflateRatio} refuses an entry that unpacks to more than 1/ratio times its packed size
 * (ZIP bombs). Rejected-row reports are kept for {@code reportKeptFor} (SEC-04).
 */
@ConfigurationProperties("linea.crm.import")
record ClientImportSettings(DataSize maxFileSize, long maxRows, int maxColumns, int batchSize, int workers,
        int queueCapacity, Path spoolDir, DataSize maxInflatedSize, double minInflateRatio, Duration reportKeptFor) {

    ClientImportSettings {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
        maxRows = maxRows <= 0 ? 2_000_000 : maxRows;
        maxColumns = maxColumns <= 0 ? 200 : maxColumns;
        batchSize = batchSize <= 0 ? 1000 : batchSize;
        workers = workers <= 0 ? 2 : workers;
        queueCapacity = queueCapacity <= 0 ? 20 : queueCapacity;
        spoolDir = spoolDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "linea-imports") : spoolDir;
        maxInflatedSize = maxInflatedSize == null ? DataSize.ofMegabytes(1024) : maxInflatedSize;
        minInflateRatio = minInflateRatio <= 0 ? 0.01 : minInflateRatio;
        reportKeptFor = reportKeptFor == null ? Duration.ofDays(7) : reportKeptFor;
    }
}
