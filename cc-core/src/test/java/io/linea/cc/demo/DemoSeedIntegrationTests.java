package io.linea.cc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarView;
import io.linea.cc.queue.QueueManagement;
import io.linea.cc.queue.QueueView;
import io.linea.cc.settings.SettingsManagement;
import io.linea.cc.settings.SettingsView;
import io.linea.platform.tenancy.TenantContext;
import io.linea.platform.testing.LineaIntegrationTest;

/** The demo data of docs/architecture.md, seeded idempotently into the fixed demo tenants. */
@LineaIntegrationTest
class DemoSeedIntegrationTests {

    @Autowired
    DemoSeed seed;

    @Autowired
    SettingsManagement settings;

    @Autowired
    CalendarManagement calendars;

    @Autowired
    QueueManagement queues;

    @Test
    void seedsBothDemoTenantsAndIsSafeToRunAgain() {
        seed.seed();
        seed.seed();
        TenantContext.runAs(DemoSeed.DEMO_ENERGY, () -> {
            assertThat(settings.current("ignored"))
                    .isEqualTo(new SettingsView("Demo Energy", "Europe/Chisinau", "ro", List.of("ro", "ru", "en")));
            List<CalendarView> office = calendars.list(0, 50).items();
            assertThat(office).extracting(CalendarView::name).containsExactly("Office hours");
            assertThat(office.getFirst().weeklyHours()).hasSize(5);
            assertThat(office.getFirst().holidays()).extracting(h -> h.name()).containsExactly("Christmas", "New Year");
            List<QueueView> demoQueues = queues.list(0, 50).items();
            assertThat(demoQueues).extracting(QueueView::name).containsExactly("Billing", "Outages");
            assertThat(demoQueues).extracting(QueueView::serviceLevelSeconds).containsExactly(20, 30);
            assertThat(demoQueues).extracting(QueueView::calendarId).containsOnly(office.getFirst().id());
        });
        TenantContext.runAs(DemoSeed.HEALTH_LINE, () -> {
            assertThat(settings.current("ignored").timeZone()).isEqualTo("Europe/Kyiv");
            assertThat(settings.current("ignored").defaultLanguage()).isEqualTo("uk");
            assertThat(calendars.list(0, 50).items().getFirst().weeklyHours()).hasSize(7);
            assertThat(queues.list(0, 50).items()).extracting(QueueView::name, QueueView::serviceLevelSeconds)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Hotline", 15));
        });
    }
}
