package io.linea.cc.calendar;

import java.util.UUID;

/**
 * Implemented by modules that point at calendars (queues, later routing rules), so that deleting a
 * calendar in use is refused without this module depending on them.
 */
public interface CalendarUsage {

    boolean uses(UUID calendarId);
}
