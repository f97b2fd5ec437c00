/** Working-hours calendars with holidays, and whether one is open at a given instant (ADM-02). */
package io.linea.cc.calendar;
