package io.linea.cc.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * An import job and its progress (CRM-05). {@code total} is the number of data rows the file holds
 * (known once the file is accepted); {@code processed} grows after every batch while it runs.
 * {@code failureCode} says why a FAILED job stopped.
 */
public record ClientImportView(UUID id, Status status, String source, String fileName, String format, Long total,
        long processed, long created, long updated, long unchanged, long rejected, String failureCode,
        Instant createdAt, Instant startedAt, Instant finishedAt, Instant reportExpiresAt) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
