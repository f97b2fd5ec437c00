package io.linea.cc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarView;
import io.linea.cc.provisioning.AgentManagement;
import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.AgentView;
import io.linea.cc.provisioning.CallerNumber;
import io.linea.cc.provisioning.CarrierConfig;
import io.linea.cc.provisioning.NumberManagement;
import io.linea.cc.provisioning.NumberType;
import io.linea.cc.provisioning.NumberView;
import io.linea.cc.provisioning.TelephonyDirectory;
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

    @Autowired
    NumberManagement numbers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TelephonyDirectory directory;

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

    @Test
    void seedsTheLocalCarrierNumbersAndAgentsWithTheDemoSipPassword() throws Exception {
        seed.seed();
        seed.seed();
        CarrierConfig carrier = directory.carriers().stream().filter(c -> c.name().equals("Local carrier"))
                .findFirst().orElseThrow();
        assertThat(carrier).extracting(CarrierConfig::host, CarrierConfig::port, CarrierConfig::transport,
                CarrierConfig::codecs, CarrierConfig::matchCidrs)
                .containsExactly("127.0.0.2", 5060, "udp", List.of("alaw", "ulaw"), List.of("127.0.0.2/32"));
        List<NumberView> seeded = TenantContext.callAsPlatform(() -> List.of(
                numbers.findByE164("+18005550100").orElseThrow(), numbers.findByE164("+447700900123").orElseThrow(),
                numbers.findByE164("+18005550199").orElseThrow()));
        assertThat(seeded).extracting(NumberView::type).containsExactly(NumberType.FREEPHONE, NumberType.MOBILE,
                NumberType.FREEPHONE);
        assertThat(seeded).extracting(NumberView::tenantId).containsExactly(DemoSeed.DEMO_ENERGY,
                DemoSeed.HEALTH_LINE, null);
        assertThat(seeded).extracting(NumberView::carrierId).containsOnly(carrier.id());
        assertThat(directory.route("+18005550100").orElseThrow().tenantId()).isEqualTo(DemoSeed.DEMO_ENERGY);
        assertThat(directory.defaultCallerNumber(DemoSeed.HEALTH_LINE)).get().extracting(CallerNumber::e164)
                .isEqualTo("+447700900123");
        assertThat(directory.route("+18005550199")).isEmpty();

        List<AgentView> demoAgents = TenantContext.callAs(DemoSeed.DEMO_ENERGY, () -> agents.list(0, 50).items());
        assertThat(demoAgents).extracting(AgentView::displayName).containsExactly("Maria Ceban", "Vasile Lungu");
        List<AgentView> healthAgents = TenantContext.callAs(DemoSeed.HEALTH_LINE, () -> agents.list(0, 50).items());
        assertThat(healthAgents).extracting(AgentView::displayName).containsExactly("Dmytro Bondar");
        for (AgentView agent : List.of(demoAgents.get(0), demoAgents.get(1), healthAgents.get(0))) {
            assertThat(agent.available()).isTrue();
            assertThat(agent.hasCredentials()).isTrue();
            assertThat(directory.endpoint(agent.sipUsername()).orElseThrow().md5Credential())
                    .isEqualTo(md5(agent.sipUsername() + ":linea:" + DemoSeed.DEMO_PASSWORD));
        }
        assertThat(directory.agentsToRing(DemoSeed.DEMO_ENERGY)).extracting(AgentTarget::displayName)
                .containsExactlyInAnyOrder("Maria Ceban", "Vasile Lungu");

        // ACD-01, ACD-11: the numbers queue, and the seeded agents are members logged in there
        var route = directory.route("+18005550100").orElseThrow();
        assertThat(route.target()).isEqualTo(io.linea.cc.provisioning.RouteTarget.QUEUE);
        router.flush();
        TenantContext.runAs(DemoSeed.DEMO_ENERGY, () -> {
            assertThat(queues.get(route.queueId()).name()).isEqualTo("Billing");
            assertThat(queues.members(route.queueId())).extracting(m -> m.displayName(), m -> m.loggedIn())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Maria Ceban", true),
                            org.assertj.core.groups.Tuple.tuple("Vasile Lungu", true));
        });
        assertThat(router.snapshot(route.queueId()).loggedIn()).isEqualTo(2);
        assertThat(directory.route("+447700900123").orElseThrow().target())
                .isEqualTo(io.linea.cc.provisioning.RouteTarget.QUEUE);
    }

    @Autowired
    io.linea.cc.routing.Router router;

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
