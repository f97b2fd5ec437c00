package io.linea.cc.crm;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.linea.cc.shared.InvalidInput;

/**
 * Which column of an import file fills which part of the card (CRM-05): {@code columns} maps a header
 * (case and surrounding spaces ignored) or a column letter ({@code A}, {@code AB}) to a target.
 * {@code externalId} must be mapped: it is what makes a re-import an update instead of a duplicate.
 *
 * @param delimiter CSV only, one character; {@code ,} when absent
 * @param encoding CSV only; UTF-8 when absent
 * @param hasHeader whether the first row names the columns; true when absent
 */
public record ClientImportMapping(Map<String, String> columns, String delimiter, String encoding, Boolean hasHeader) {

    static final String EXTERNAL_ID = "externalId";
    static final Set<String> TARGETS = Set.of("firstName", "lastName", "organisation", EXTERNAL_ID, "language",
            "phone", "phone2", "email", "tags");
    static final String CUSTOM = "custom.";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ClientImportMapping {
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
    }

    boolean header() {
        return hasHeader == null || hasHeader;
    }

    char delimiterChar() {
        return delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
    }

    /** Parses and checks a mapping as the API receives it: JSON text. */
    static ClientImportMapping parse(String json, List<ClientFieldView> fields) {
        ClientImportMapping mapping;
        try {
            mapping = JSON.readValue(json, ClientImportMapping.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw InvalidInput.field("mapping", "client-import.mapping-invalid");
        }
        if (mapping == null) {
            throw InvalidInput.field("mapping", "client-import.mapping-invalid");
        }
        return mapping.check(fields);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    /** Every target known, none twice, the external id among them, a one-character delimiter. */
    ClientImportMapping check(List<ClientFieldView> fields) {
        Set<String> customKeys = new HashSet<>();
        fields.forEach(f -> customKeys.add(f.key()));
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String target = column.getValue();
            if (column.getKey() == null || column.getKey().isBlank() || target == null) {
                throw InvalidInput.field("mapping.columns", "client-import.mapping-invalid");
            }
            boolean known = TARGETS.contains(target)
                    || target.startsWith(CUSTOM) && customKeys.contains(target.substring(CUSTOM.length()));
            if (!known) {
                throw InvalidInput.field("mapping.columns." + column.getKey(), "client-import.mapping-target-unknown",
                        target);
            }
            if (!seen.add(target)) {
                throw InvalidInput.field("mapping.columns." + column.getKey(), "client-import.mapping-target-twice",
                        target);
            }
        }
        if (!seen.contains(EXTERNAL_ID)) {
            throw InvalidInput.field("mapping.columns", "client-import.mapping-external-id");
        }
        if (delimiter != null && (delimiter.length() != 1 || delimiter.charAt(0) == '"' || delimiter.charAt(0) == '\n'
                || delimiter.charAt(0) == '\r')) {
            throw InvalidInput.field("mapping.delimiter", "client-import.mapping-delimiter", delimiter);
        }
        return this;
    }
}
