package io.linea.cc.calendar;

import java.time.LocalDate;

/** A whole local day on which the calendar is closed, whatever its weekly hours say. */
public record Holiday(LocalDate date, String name) {
}
