package io.linea.cc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarView;
import io.linea.cc.crm.ClientDirectory;
import io.linea.cc.crm.ClientFieldView;
import io.linea.cc.crm.ClientView;
import io.linea.cc.crm.CrmConfiguration;
import io.linea.cc.form.CategoryManagement;
import io.linea.cc.form.CategoryView;
import io.linea.cc.kb.KbView;
import io.linea.cc.kb.KnowledgeBaseManagement;
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
import io.linea.cc.ticket.TicketManagement;
import io.linea.cc.ticket.TicketPriority;
import io.linea.cc.ticket.TicketStatus;
import io.linea.cc.ticket.TicketView;
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

    @Autowired
    CrmConfiguration crm;

    @Autowired
    ClientDirectory clients;

    @Autowired
    CategoryManagement categories;

    @Autowired
    KnowledgeBaseManagement knowledge;

    @Autowired
    TicketManagement tickets;

    @Test
    void seedsDemoEnergysClientsDispositionsAndTicketsOnceAndKeepsChanges() {
        seed.seed();
        seed.seed();
        TenantContext.runAs(DemoSeed.DEMO_ENERGY, () -> {
            assertThat(crm.fields()).extracting(ClientFieldView::key, ClientFieldView::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("contract_number", ClientFieldView.Type.TEXT),
                    org.assertj.core.groups.Tuple.tuple("tariff", ClientFieldView.Type.SELECT),
                    org.assertj.core.groups.Tuple.tuple("customer_since", ClientFieldView.Type.DATE),
                    org.assertj.core.groups.Tuple.tuple("paperless", ClientFieldView.Type.BOOLEAN));

            // CRM-01: eight cards, each once, however often the seed ran
            List<ClientView> all = clients.search(null, null, 0, 50, ClientDirectory.Order.NAME_ASC).items();
            assertThat(all).extracting(ClientView::externalId).containsExactlyInAnyOrder("DE-1001", "DE-1002",
                    "DE-1003", "DE-1004", "DE-1005", "DE-1006", "DE-1007", "DE-1008");
            ClientView ion = all.stream().filter(c -> "DE-1001".equals(c.externalId())).findFirst().orElseThrow();
            assertThat(ion).extracting(ClientView::firstName, ClientView::lastName, ClientView::language)
                    .containsExactly("Ion", "Popescu", "ro");
            assertThat(ion.tags()).containsExactly("residential");
            assertThat(ion.custom()).containsEntry("tariff", "Standard").containsEntry("customer_since", "2019-03-14");
            assertThat(clients.search("Brutaria", null, 0, 10, ClientDirectory.Order.NAME_ASC).items())
                    .extracting(ClientView::externalId).containsExactly("DE-1006");

            assertThat(categories.list(null)).extracting(CategoryView::name).containsExactly("Billing question",
                    "Outage report", "Meter reading", "Tariff change");
            assertThat(knowledge.categories()).extracting(KbView.Category::name).containsExactly("Billing and meters");

            // HD-01: one open and one pending ticket, each on its client
            List<TicketView> demoTickets = tickets.list(new TicketManagement.Filter(null, null, null, null, null,
                    null), 0, 50, "number").items();
            assertThat(demoTickets).extracting(TicketView::subject, TicketView::status, TicketView::priority,
                    TicketView::group).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("March invoice higher than usual", TicketStatus.OPEN,
                                    TicketPriority.NORMAL, "Billing"),
                            org.assertj.core.groups.Tuple.tuple("Meter reading does not match the meter",
                                    TicketStatus.PENDING, TicketPriority.LOW, "Billing"));
            assertThat(demoTickets.getFirst().clientId()).isEqualTo(ion.id());
        });
        // CRM-04: the household's home number identifies both of its clients, however the caller id presents it
        assertThat(clients.identify(DemoSeed.DEMO_ENERGY, "+373 22 456 789")).extracting(ClientView::firstName,
                ClientView::externalId).containsExactly(org.assertj.core.groups.Tuple.tuple("Elena", "DE-1002"),
                        org.assertj.core.groups.Tuple.tuple("Ion", "DE-1001"));
        assertThat(clients.identify(DemoSeed.DEMO_ENERGY, "0037369112233")).extracting(ClientView::externalId)
                .containsExactly("DE-1001");
        assertThat(clients.identify(DemoSeed.HEALTH_LINE, "+37322456789")).isEmpty();

        // a demo user's change stays, and the changed ticket is not seeded again (the only test that changes them)
        UUID ticketOfIon = TenantContext.callAs(DemoSeed.DEMO_ENERGY, () -> {
            ClientView ion = clients.identify(DemoSeed.DEMO_ENERGY, "+37369112233").getFirst();
            TicketView ticket = tickets.list(new TicketManagement.Filter(null, null, null, null, ion.id(), null), 0,
                    10, null).items().getFirst();
            tickets.update(ticket.id(), ticket.version(), new io.linea.cc.ticket.TicketDraft("Invoice explained",
                    ticket.description(), TicketStatus.RESOLVED, ticket.priority(), null, ticket.group(),
                    ticket.clientId(), List.of(), null), null);
            return ticket.id();
        });
        seed.seed();
        TenantContext.runAs(DemoSeed.DEMO_ENERGY, () -> {
            TicketView ticket = tickets.get(ticketOfIon);
            assertThat(ticket.subject()).isEqualTo("Invoice explained");
            assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(tickets.list(new TicketManagement.Filter(null, null, null, null, null, null), 0, 50, null)
                    .total()).isEqualTo(2);
        });
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
