package io.linea.cc.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Help-desk settings ({@code linea.tickets}); per-tenant configuration lives in the database. The mail server
 * itself is Spring Boot's {@code spring.mail.*}: without {@code spring.mail.host} e-mail actions are skipped.
 *
 * @param escalationPeriod        how often the escalation job looks for due rules; zero or negative switches
 *                                the schedule off (tests drive the job themselves)
 * @param attempts                how often a webhook, hand-off or e-mail is tried before it counts as failed
 * @param retryBackoff            the pause after the first failed attempt, doubled after each further one
 * @param httpTimeout             connect and response timeout of one attempt
 * @param mailFrom                the sender of escalation e-mails
 * @param ticketLink              the link to a ticket in an e-mail: {@code {id}} and {@code {number}} are
 *                                replaced; a path alone when the web app's address is not known
 * @param attachmentMaxSize       the largest attachment accepted (HD-01); the multipart limits
 *                                ({@code spring.servlet.multipart.*}) must stay a little above it
 * @param attachmentMaxUnpacked   what a DOCX, XLSX or ODT may unpack to before it counts as a ZIP bomb
 * @param attachmentMaxChars      the text kept of one attachment for search; the rest is not indexed
 * @param attachmentParseTimeout  how long reading one attachment's text may take before it is refused
 * @param attachmentParseThreads  attachments read at the same time; more uploads wait, a full queue is 503
 */
@ConfigurationProperties("linea.tickets")
record TicketSettings(@DefaultValue("30s") Duration escalationPeriod, @DefaultValue("3") int attempts,
        @DefaultValue("2s") Duration retryBackoff, @DefaultValue("5s") Duration httpTimeout,
        @DefaultValue("help-desk@linea.invalid") String mailFrom, @DefaultValue("/tickets/{id}") String ticketLink,
        @DefaultValue("10MB") DataSize attachmentMaxSize, @DefaultValue("50MB") DataSize attachmentMaxUnpacked,
        @DefaultValue("200000") int attachmentMaxChars, @DefaultValue("20s") Duration attachmentParseTimeout,
        @DefaultValue("2") int attachmentParseThreads) {
}
