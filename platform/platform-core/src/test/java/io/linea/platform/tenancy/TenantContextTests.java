package io.linea.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** There is no default tenant; scopes nest and restore, and the tenant is in every log line (TEN-01). */
class TenantContextTests {

    private final TenantIdentifierResolver resolver = new TenantIdentifierResolver();

    @AfterEach
    void clear() {
        TenantContext.clear();
    }

    @Test
    void withoutScopeEverythingThatNeedsATenantFails() {
        assertThat(TenantContext.currentTenant()).isEmpty();
        assertThatThrownBy(TenantContext::requireTenant).isInstanceOf(NoTenantException.class);
        // Hibernate may ask during start-up; the answer matches no tenant and is not the root.
        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(TenantIdentifierResolver.NONE);
        assertThat(resolver.isRoot(resolver.resolveCurrentTenantIdentifier())).isFalse();
    }

    @Test
    void nestedScopesRestoreTheOuterTenantAndItsLogKey() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        TenantContext.runAs(a, () -> {
            assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(a.toString());
            UUID inner = TenantContext.callAs(b, TenantContext::requireTenant);
            assertThat(inner).isEqualTo(b);
            assertThat(TenantContext.requireTenant()).isEqualTo(a);
            assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(a);
            assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(a.toString());
        });
        assertThat(TenantContext.scope()).isEmpty();
        assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
    }

    @Test
    void platformScopeIsHibernatesRootAndNeverATenant() {
        TenantContext.runAsPlatform(() -> {
            assertThat(TenantContext.isPlatformScope()).isTrue();
            assertThat(TenantContext.currentTenant()).isEmpty();
            UUID root = resolver.resolveCurrentTenantIdentifier();
            assertThat(resolver.isRoot(root)).isTrue();
            assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("platform");
        });
        assertThat(TenantContext.isPlatformScope()).isFalse();
    }

    @Test
    void aFailureInsideAScopeStillRestoresIt() {
        UUID a = UUID.randomUUID();
        assertThatThrownBy(() -> TenantContext.runAs(a, () -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(TenantContext.scope()).isEmpty();
    }

    @Test
    void aTenantScopeNeedsATenant() {
        assertThatThrownBy(() -> TenantContext.runAs(null, () -> {
        })).isInstanceOf(NoTenantException.class);
    }
}
