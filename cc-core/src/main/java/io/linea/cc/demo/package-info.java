/** Demo data for {@code ./linea start} and the browser tests: the fixed demo tenants' settings, calendars and queues. */
package io.linea.cc.demo;
