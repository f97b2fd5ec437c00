package io.linea.cc.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.linea.cc.calendar.CalendarDraft;
import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarView;
import io.linea.cc.calendar.Holiday;
import io.linea.cc.calendar.WeeklyHours;
import io.linea.cc.provisioning.AgentDraft;
import io.linea.cc.provisioning.AgentManagement;
import io.linea.cc.provisioning.AgentReach;
import io.linea.cc.provisioning.CarrierDraft;
import io.linea.cc.provisioning.CarrierManagement;
import io.linea.cc.provisioning.CarrierView;
import io.linea.cc.provisioning.NumberDraft;
import io.linea.cc.provisioning.NumberManagement;
import io.linea.cc.provisioning.NumberType;
import io.linea.cc.provisioning.RouteTarget;
import io.linea.cc.provisioning.TenantNumberManagement;
import io.linea.cc.provisioning.AgentView;
import io.linea.cc.queue.QueueDraft;
import io.linea.cc.queue.QueueManagement;
import io.linea.cc.queue.QueueMemberDraft;
import io.linea.cc.routing.Router;
import io.linea.cc.settings.SettingsManagement;
import io.linea.cc.settings.SettingsView;
import io.linea.platform.tenancy.TenantContext;

/**
 * Seeds the two demo tenants (ids fixed in docs/architecture.md so every service agrees). Safe on every
 * restart: it only adds what is missing and never overwrites what a demo user changed.
 */
@Component
class DemoSeed implements ApplicationRunner {

    static final UUID DEMO_ENERGY = UUID.fromString("d0000000-0000-4000-8000-000000000001");
    static final UUID HEALTH_LINE = UUID.fromString("d0000000-0000-4000-8000-000000000002");
    static final String OFFICE_HOURS = "Office hours";
    static final String LOCAL_CARRIER = "Local carrier";
    /** The documented demo password (docs/architecture.md), also the demo agents' SIP password. */
    static final String DEMO_PASSWORD = "Linea-2026!";

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final SeedSettings settings;
    private final SettingsManagement tenantSettings;
    private final CalendarManagement calendars;
    private final QueueManagement queues;
    private final CarrierManagement carriers;
    private final NumberManagement numbers;
    private final AgentManagement agents;
    private final TenantNumberManagement tenantNumbers;
    private final Router router;
    private final ServiceDeskSeed serviceDesk;

    DemoSeed(SeedSettings settings, SettingsManagement tenantSettings, CalendarManagement calendars,
            QueueManagement queues, CarrierManagement carriers, NumberManagement numbers, AgentManagement agents,
            TenantNumberManagement tenantNumbers, Router router, ServiceDeskSeed serviceDesk) {
        this.serviceDesk = serviceDesk;
        this.tenantNumbers = tenantNumbers;
        this.router = router;
        this.settings = settings;
        this.tenantSettings = tenantSettings;
        this.calendars = calendars;
        this.queues = queues;
        this.carriers = carriers;
        this.numbers = numbers;
        this.agents = agents;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demo()) {
            seed();
        }
    }

    void seed() {
        // The carrier is a loopback address of its own so that sipp can play it (docs/STACK.md).
        TenantContext.runAsPlatform(() -> {
            UUID carrier = carriers.findByName(LOCAL_CARRIER).map(CarrierView::id)
                    .orElseGet(() -> carriers.create(new CarrierDraft(LOCAL_CARRIER, "127.0.0.2", 5060, "udp", null,
                            null, List.of("alaw", "ulaw"), List.of("127.0.0.2/32"), true)).id());
            number("+18005550100", NumberType.FREEPHONE, carrier, DEMO_ENERGY);
            number("+447700900123", NumberType.MOBILE, carrier, HEALTH_LINE);
            number("+18005550199", NumberType.FREEPHONE, carrier, null);
        });
        TenantContext.runAs(DEMO_ENERGY, () -> {
            tenantSettings.initialise(new SettingsView("Demo Energy", "Europe/Chisinau", "ro", List.of("ro", "ru", "en")));
            UUID office = officeHours("Europe/Chisinau", weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0),
                    DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                    List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"),
                            new Holiday(LocalDate.of(2027, 1, 1), "New Year")));
            queue("Billing", "Invoices, payments and tariffs", 20, office);
            queue("Outages", "Power cuts and emergencies", 30, office);
            // demo-agent1 and demo-agent2; their user ids are random in tenant-service's seed, so none here
            agent("Maria Ceban");
            agent("Vasile Lungu");
            // ACD-01: the 0-800 number queues in Billing, where both agents are logged in
            staffed("Billing", "+18005550100", "Maria Ceban", "Vasile Lungu");
            // clients, dispositions and tickets, so that the client list and the ticket list are not empty
            serviceDesk.seed();
        });
        TenantContext.runAs(HEALTH_LINE, () -> {
            tenantSettings.initialise(new SettingsView("Health Line", "Europe/Kyiv", "uk", List.of("uk", "ru", "en")));
            UUID office = officeHours("Europe/Kyiv", weekdays(LocalTime.of(0, 0), LocalTime.of(23, 59),
                    DayOfWeek.values()), List.of());
            queue("Hotline", "Patient hotline", 15, office);
            agent("Dmytro Bondar");
            staffed("Hotline", "+447700900123", "Dmytro Bondar");
        });
        log.info("Demo tenants seeded");
    }

    /**
     * Makes the agents the queue's members, logs them in, and routes the number to the queue, unless the
     * number was routed already (an admin's choice is kept on a re-run).
     */
    private void staffed(String queueName, String e164, String... agentNames) {
        UUID queue = queues.list(0, 200).items().stream().filter(q -> q.name().equals(queueName)).findFirst()
                .orElseThrow().id();
        List<AgentView> all = agents.list(0, 200).items();
        List<AgentView> staff = all.stream().filter(a -> List.of(agentNames).contains(a.displayName())).toList();
        if (queues.members(queue).isEmpty()) {
            queues.replaceMembers(queue, staff.stream().map(a -> new QueueMemberDraft(a.id(), List.of())).toList());
            // agents without a login are their own person (see Router)
            staff.forEach(a -> router.login(a.userId() == null ? a.id() : a.userId(), queue, false));
        }
        tenantNumbers.list(0, 200).items().stream().filter(n -> n.e164().equals(e164))
                .filter(n -> n.target() == RouteTarget.AGENTS && n.version() == 0).findFirst()
                .ifPresent(n -> tenantNumbers.route(n.id(), n.version(), RouteTarget.QUEUE, null, queue, 0));
    }

    private UUID officeHours(String zone, List<WeeklyHours> hours, List<Holiday> holidays) {
        return calendars.list(0, 200).items().stream().filter(c -> c.name().equals(OFFICE_HOURS))
                .map(CalendarView::id).findFirst()
                .orElseGet(() -> calendars.create(new CalendarDraft(OFFICE_HOURS, zone, hours, holidays)).id());
    }

    private void queue(String name, String description, int serviceLevelSeconds, UUID calendarId) {
        if (!queues.existsByName(name)) {
            queues.create(new QueueDraft(name, description, serviceLevelSeconds, true, calendarId));
        }
    }

    private void number(String e164, NumberType type, UUID carrierId, UUID tenantId) {
        if (numbers.findByE164(e164).isEmpty()) {
            numbers.create(new NumberDraft(e164, type, carrierId, tenantId));
        }
    }

    /** An available agent with a softphone endpoint whose SIP password is the demo password. */
    private void agent(String displayName) {
        if (!agents.existsByDisplayName(displayName)) {
            UUID id = agents.create(new AgentDraft(displayName, null, AgentReach.ENDPOINT, null, true)).id();
            agents.issueCredentials(id, DEMO_PASSWORD);
        }
    }

    private static List<WeeklyHours> weekdays(LocalTime opens, LocalTime closes, DayOfWeek... days) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : days) {
            hours.add(new WeeklyHours(day, opens, closes));
        }
        return hours;
    }
}
