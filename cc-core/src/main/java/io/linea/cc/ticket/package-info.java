/**
 * Help-desk tickets (HD-01): created from any contact, assigned, commented, tracked from new to closed, with
 * SLA timers in the business time of the tenant's ticket calendar and escalation rules fired once per ticket;
 * hand-off of a ticket to the tenant's records system over a web service (HD-02).
 */
package io.linea.cc.ticket;
