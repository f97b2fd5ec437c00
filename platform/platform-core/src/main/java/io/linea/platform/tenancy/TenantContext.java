package io.linea.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The tenant scope of the current thread: none, exactly one tenant, or the platform (explicit, for
 * platform-admin work and login). There is no default: code that touches tenant data without a scope
 * fails with {@link NoTenantException}.
 */
public final class TenantContext {

    /** MDC key carrying the tenant id (or {@code platform}) in every log line. */
    public static final String MDC_KEY = "tenant";

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private TenantContext() {
    }

    public sealed interface Scope permits TenantScope, PlatformScope {
    }

    public record TenantScope(UUID tenantId) implements Scope {
        public TenantScope {
            if (tenantId == null) {
                throw new NoTenantException();
            }
        }
    }

    public record PlatformScope() implements Scope {
    }

    public static Optional<Scope> scope() {
        return Optional.ofNullable(SCOPE.get());
    }

    /** The current tenant, if the scope is a tenant. */
    public static Optional<UUID> currentTenant() {
        return SCOPE.get() instanceof TenantScope(UUID id) ? Optional.of(id) : Optional.empty();
    }

    /** The current tenant, or {@link NoTenantException}. */
    public static UUID requireTenant() {
        return currentTenant().orElseThrow(NoTenantException::new);
    }

    public static boolean isPlatformScope() {
        return SCOPE.get() instanceof PlatformScope;
    }

    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        return within(new TenantScope(tenantId), work);
    }

    public static void runAs(UUID tenantId, Runnable work) {
        within(new TenantScope(tenantId), () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsPlatform(Supplier<T> work) {
        return within(new PlatformScope(), work);
    }

    public static void runAsPlatform(Runnable work) {
        within(new PlatformScope(), () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsChecked(UUID tenantId, Callable<T> work) throws Exception {
        Scope previous = SCOPE.get();
        set(new TenantScope(tenantId));
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    private static <T> T within(Scope scope, Supplier<T> work) {
        Scope previous = SCOPE.get();
        set(scope);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    /** For request filters that own the whole request: set, then {@link #clear()} in finally. */
    public static void set(Scope scope) {
        SCOPE.set(scope);
        MDC.put(MDC_KEY, scope instanceof TenantScope(UUID id) ? id.toString() : "platform");
    }

    public static void clear() {
        SCOPE.remove();
        MDC.remove(MDC_KEY);
    }

    private static void restore(Scope previous) {
        if (previous == null) {
            clear();
        } else {
            set(previous);
        }
    }
}
