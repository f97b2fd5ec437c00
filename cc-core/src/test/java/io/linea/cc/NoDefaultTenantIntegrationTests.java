package io.linea.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.queue.QueueDraft;
import io.linea.cc.queue.QueueManagement;
import io.linea.cc.settings.SettingsManagement;
import io.linea.cc.settings.SettingsView;
import io.linea.platform.tenancy.NoTenantException;
import io.linea.platform.tenancy.TenantContext;
import io.linea.platform.testing.LineaIntegrationTest;

/** TEN-01: there is no default tenant; work without one fails loudly, and logs name the tenant. */
@LineaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoDefaultTenantIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    QueueManagement queues;

    @Autowired
    CalendarManagement calendars;

    @Autowired
    SettingsManagement settings;

    @Test
    void facadesRefuseToWorkOutsideATenantScope() {
        assertThat(TenantContext.scope()).isEmpty();
        assertThatThrownBy(() -> queues.list(0, 10)).isInstanceOf(NoTenantException.class);
        assertThatThrownBy(() -> queues.create(new QueueDraft("Orphan", null, 20, true, null)))
                .isInstanceOf(NoTenantException.class);
        assertThatThrownBy(() -> calendars.list(0, 10)).isInstanceOf(NoTenantException.class);
        assertThatThrownBy(() -> settings.current("x")).isInstanceOf(NoTenantException.class);
        assertThatThrownBy(() -> settings.initialise(new SettingsView("x", "UTC", "en", List.of("en"))))
                .isInstanceOf(NoTenantException.class);
    }

    @Test
    void facadesWorkInsideAnExplicitTenantScope() {
        UUID tenant = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> queues.create(new QueueDraft("Job queue", null, 20, true, null)));
        assertThat(TenantContext.callAs(tenant, () -> queues.list(0, 10).total())).isEqualTo(1);
        assertThat(TenantContext.callAs(UUID.randomUUID(), () -> queues.list(0, 10).total())).isZero();
    }

    @Test
    void logLinesOfARequestCarryItsTenant(CapturedOutput output) {
        Api a = Api.adminOfNewTenant(port);
        UUID id = a.post("/api/cc/queues", Fixtures.queue("Logged")).id();
        String line = output.getAll().lines().filter(l -> l.contains("Queue " + id + " created")).findFirst()
                .orElseThrow(() -> new AssertionError("no log line for the created queue"));
        assertThat(line).contains("tenant=" + a.tenant());
    }
}
