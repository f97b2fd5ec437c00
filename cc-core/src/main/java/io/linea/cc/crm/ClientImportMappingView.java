package io.linea.cc.crm;

import java.time.Instant;
import java.util.UUID;

/** A saved column mapping (CRM-05), reused by later imports and by campaign lists. */
public record ClientImportMappingView(UUID id, String name, ClientImportMapping mapping, Instant createdAt,
        Instant updatedAt, long version) {
}
