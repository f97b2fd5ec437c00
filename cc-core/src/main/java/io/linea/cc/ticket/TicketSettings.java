package io.linea.cc.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Help-desk settings ({@code linea.tickets}); per-tenant configuration lives in the database.
 *
 * @param escalationPeriod how often the escalation job looks for due rules; zero or negative switches the
 *                         schedule off (tests drive the job themselves)
 * @param attempts         how often a webhook or hand-off is tried before it counts as failed
 * @param retryBackoff     the pause after the first failed attempt, doubled after each further one
 * @param httpTimeout      connect and response timeout of one attempt
 */
@ConfigurationProperties("linea.tickets")
record TicketSettings(@DefaultValue("30s") Duration escalationPeriod, @DefaultValue("3") int attempts,
        @DefaultValue("2s") Duration retryBackoff, @DefaultValue("5s") Duration httpTimeout) {
}
