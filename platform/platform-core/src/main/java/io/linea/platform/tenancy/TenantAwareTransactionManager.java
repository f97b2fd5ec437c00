package io.linea.platform.tenancy;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction inside the caller's tenant scope and refuses to begin without one.
 * Tenant scope sets {@code app.tenant_id} for the transaction, which the row-level security policies
 * of the application role compare with {@code tenant_id}. Platform scope switches the transaction to
 * the platform database role ({@code SET LOCAL ROLE}), whose own policy sees every tenant: keeping
 * the two apart keeps the tenant policy a single indexable comparison. JDBC access inside the
 * transaction (JdbcTemplate, native queries) shares the connection and so the settings.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String platformRole;

    public TenantAwareTransactionManager(EntityManagerFactory emf, String platformRole) {
        super(emf);
        if (!ROLE_NAME.matcher(platformRole).matches()) {
            throw new IllegalArgumentException("Not a plain PostgreSQL role name: " + platformRole);
        }
        this.platformRole = platformRole;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        TenantContext.Scope scope = TenantContext.scope().orElseThrow(NoTenantException::new);
        super.doBegin(transaction, definition);
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(obtainEntityManagerFactory());
        em.unwrap(Session.class).doWork(connection -> {
            if (scope instanceof TenantContext.TenantScope(UUID id)) {
                try (PreparedStatement statement = connection
                        .prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    statement.setString(1, id.toString());
                    statement.execute();
                }
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local role " + platformRole);
                }
            }
        });
    }
}
