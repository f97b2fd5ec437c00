package io.linea.cc.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/** The current tenant's saved import column mappings (CRM-05), by name; campaign lists reuse them. */
@Service
public class ClientImportMappings {

    private static final Logger log = LoggerFactory.getLogger(ClientImportMappings.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CrmConfiguration configuration;

    ClientImportMappings(JdbcClient jdbc, CrmConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    @Transactional(readOnly = true)
    public List<ClientImportMappingView> list() {
        return jdbc.sql("select * from cc.client_import_mapping where tenant_id = :tenant order by name, id")
                .param("tenant", TenantContext.requireTenant()).query(ClientImportMappings::view).list();
    }

    @Transactional(readOnly = true)
    public ClientImportMappingView get(UUID id) {
        return jdbc.sql("select * from cc.client_import_mapping where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.requireTenant()).param("id", id).query(ClientImportMappings::view)
                .optional().orElseThrow(() -> LineaProblemException.notFound("client-import-mapping"));
    }

    @Transactional
    public ClientImportMappingView create(String name, ClientImportMapping mapping) {
        mapping.check(configuration.fields());
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(ClientDirectory.now(), ZoneOffset.UTC);
        try {
            jdbc.sql("""
                    insert into cc.client_import_mapping (id, tenant_id, name, mapping, created_at, updated_at)
                    values (:id, :tenant, :name, :mapping::jsonb, :now, :now)""").param("id", id)
                    .param("tenant", TenantContext.requireTenant()).param("name", name.strip())
                    .param("mapping", mapping.json()).param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw LineaProblemException.conflict("client-import.mapping-name-taken");
        }
        log.info("Client import mapping {} created", id);
        return get(id);
    }

    @Transactional
    public ClientImportMappingView update(UUID id, long expectedVersion, String name, ClientImportMapping mapping) {
        ClientImportMappingView current = get(id);
        if (current.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException("client_import_mapping", id);
        }
        mapping.check(configuration.fields());
        try {
            jdbc.sql("""
                    update cc.client_import_mapping set name = :name, mapping = :mapping::jsonb, updated_at = :now,
                      version = version + 1 where tenant_id = :tenant and id = :id""")
                    .param("name", name.strip()).param("mapping", mapping.json())
                    .param("now", OffsetDateTime.ofInstant(ClientDirectory.now(), ZoneOffset.UTC))
                    .param("tenant", TenantContext.requireTenant()).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw LineaProblemException.conflict("client-import.mapping-name-taken");
        }
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("delete from cc.client_import_mapping where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.requireTenant()).param("id", id).update();
        log.info("Client import mapping {} deleted", id);
    }

    private static ClientImportMappingView view(ResultSet rs, int row) throws SQLException {
        return new ClientImportMappingView(rs.getObject("id", UUID.class), rs.getString("name"),
                JSON.readValue(rs.getString("mapping"), ClientImportMapping.class), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
