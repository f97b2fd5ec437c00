/**
 * Help-desk tickets (HD-01): created from any contact, assigned, commented, with attachments checked by content
 * and stored encrypted per tenant, tracked from new to closed, with SLA timers in the business time of the
 * tenant's ticket calendar and escalation rules fired once per ticket (priority, webhook, e-mail); full-text
 * search over tickets, comments and attachments (CRM-03); hand-off of a ticket to the tenant's records system
 * over a web service (HD-02).
 */
package io.linea.cc.ticket;
