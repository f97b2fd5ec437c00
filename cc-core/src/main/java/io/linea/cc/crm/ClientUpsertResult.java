package io.linea.cc.crm;

import java.util.UUID;

/** What an upsert did with one card: {@code CREATED}, {@code UPDATED}, {@code UNCHANGED} or {@code REJECTED} with a reason. */
public record ClientUpsertResult(int index, String externalId, String result, UUID id, String code, String field,
        String message) {
}
