/**
 * Demo data for {@code ./linea start} and the browser tests: the fixed demo tenants' settings, calendars,
 * queues, numbers and agents, and the local carrier.
 */
package io.linea.cc.demo;
