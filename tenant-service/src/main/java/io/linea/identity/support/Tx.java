package io.linea.identity.support;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.platform.tenancy.TenantContext;

/**
 * Runs work in a new transaction with an explicit scope. The tenant-aware transaction manager sets the
 * row-level-security settings when the transaction begins, so the scope must be chosen before that:
 * these helpers always start a new transaction (never join an outer one with another scope).
 */
@Component
public class Tx {

    private final TransactionTemplate template;

    public Tx(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Platform scope: every tenant's rows (login, token claims, platform administration, jobs). */
    public <T> T platform(Supplier<T> work) {
        return TenantContext.callAsPlatform(() -> template.execute(status -> work.get()));
    }

    public void platformRun(Runnable work) {
        platform(() -> {
            work.run();
            return null;
        });
    }

    /** One tenant's rows only. */
    public <T> T tenant(UUID tenantId, Supplier<T> work) {
        return TenantContext.callAs(tenantId, () -> template.execute(status -> work.get()));
    }

    public void tenantRun(UUID tenantId, Runnable work) {
        tenant(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** The tenant of the current request (set by the tenant filter); fails without one. */
    public <T> T currentTenant(Supplier<T> work) {
        return tenant(TenantContext.requireTenant(), work);
    }

    public void currentTenantRun(Runnable work) {
        currentTenant(() -> {
            work.run();
            return null;
        });
    }
}
