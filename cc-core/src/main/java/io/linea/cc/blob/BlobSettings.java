package io.linea.cc.blob;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linea.blobs.*}: the directory blobs are written to ({@code LINEA_BLOB_DIR}) and the master key
 * every tenant's key is derived from ({@code LINEA_BLOB_KEY}, base64 of 32 bytes). Without a master key
 * one is generated in the directory's {@code .master-key} file: fine for development, not for production,
 * where the key must live apart from the data it protects.
 */
@ConfigurationProperties("linea.blobs")
record BlobSettings(Path dir, String masterKey) {

    BlobSettings {
        if (dir == null) {
            dir = Path.of(System.getProperty("java.io.tmpdir"), "linea-blobs");
        }
        masterKey = masterKey == null ? "" : masterKey.strip();
    }
}
