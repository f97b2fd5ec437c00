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
import io.linea.cc.queue.QueueDraft;
import io.linea.cc.queue.QueueManagement;
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

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final SeedSettings settings;
    private final SettingsManagement tenantSettings;
    private final CalendarManagement calendars;
    private final QueueManagement queues;

    DemoSeed(SeedSettings settings, SettingsManagement tenantSettings, CalendarManagement calendars,
            QueueManagement queues) {
        this.settings = settings;
        this.tenantSettings = tenantSettings;
        this.calendars = calendars;
        this.queues = queues;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demo()) {
            seed();
        }
    }

    void seed() {
        TenantContext.runAs(DEMO_ENERGY, () -> {
            tenantSettings.initialise(new SettingsView("Demo Energy", "Europe/Chisinau", "ro", List.of("ro", "ru", "en")));
            UUID office = officeHours("Europe/Chisinau", weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0),
                    DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                    List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"),
                            new Holiday(LocalDate.of(2027, 1, 1), "New Year")));
            queue("Billing", "Invoices, payments and tariffs", 20, office);
            queue("Outages", "Power cuts and emergencies", 30, office);
        });
        TenantContext.runAs(HEALTH_LINE, () -> {
            tenantSettings.initialise(new SettingsView("Health Line", "Europe/Kyiv", "uk", List.of("uk", "ru", "en")));
            UUID office = officeHours("Europe/Kyiv", weekdays(LocalTime.of(0, 0), LocalTime.of(23, 59),
                    DayOfWeek.values()), List.of());
            queue("Hotline", "Patient hotline", 15, office);
        });
        log.info("Demo tenants seeded");
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

    private static List<WeeklyHours> weekdays(LocalTime opens, LocalTime closes, DayOfWeek... days) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : days) {
            hours.add(new WeeklyHours(day, opens, closes));
        }
        return hours;
    }
}
