package io.linea.cc.calendar;

/** Whether a calendar is open at one instant, and why. */
public record CalendarStatus(boolean open, Reason reason, String holidayName) {

    public enum Reason {
        WORKING_HOURS, OUTSIDE_HOURS, HOLIDAY
    }

    static CalendarStatus workingHours() {
        return new CalendarStatus(true, Reason.WORKING_HOURS, null);
    }

    static CalendarStatus outsideHours() {
        return new CalendarStatus(false, Reason.OUTSIDE_HOURS, null);
    }

    static CalendarStatus holiday(String name) {
        return new CalendarStatus(false, Reason.HOLIDAY, name);
    }
}
