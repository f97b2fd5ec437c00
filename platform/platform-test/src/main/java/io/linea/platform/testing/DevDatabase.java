package io.linea.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The database of {@code ./linea start}: embedded PostgreSQL 17 with its data kept in a local
 * directory across restarts. Prints a ready line the start script waits for; stops on SIGTERM.
 */
public final class DevDatabase {

    private DevDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(env("LINEA_PG_DATA", ".linea/pgdata")).toAbsolutePath();
        int port = Integer.parseInt(env("LINEA_PG_PORT", "5433"));
        boolean clean = Boolean.parseBoolean(env("LINEA_PG_CLEAN", "false"));
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port, clean);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.close();
            stopped.countDown();
        }));
        System.out.println("LINEA-DB-READY " + database.jdbcUrl());
        System.out.flush();
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
