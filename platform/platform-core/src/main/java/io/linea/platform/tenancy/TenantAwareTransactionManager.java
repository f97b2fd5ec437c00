package io.linea.platform.tenancy;

import java.sql.PreparedStatement;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction inside the caller's tenant scope: refuses to begin without one, and sets
 * the per-transaction settings that PostgreSQL's row-level security policies read
 * ({@code app.tenant_id}, {@code app.platform_scope}). JDBC access inside the transaction (JdbcTemplate,
 * native queries) shares the connection and so the settings.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    public TenantAwareTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        TenantContext.Scope scope = TenantContext.scope().orElseThrow(NoTenantException::new);
        super.doBegin(transaction, definition);
        String tenant = scope instanceof TenantContext.TenantScope(UUID id) ? id.toString() : "";
        String platform = scope instanceof TenantContext.PlatformScope ? "on" : "off";
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(obtainEntityManagerFactory());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select set_config('app.tenant_id', ?, true), set_config('app.platform_scope', ?, true)")) {
                statement.setString(1, tenant);
                statement.setString(2, platform);
                statement.execute();
            }
        });
    }
}
