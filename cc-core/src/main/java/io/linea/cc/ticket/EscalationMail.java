package io.linea.cc.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The e-mail of an escalation rule (HD-01), sent through Spring's {@link JavaMailSender} to the rule's
 * addresses, one message per fired rule, retried like a webhook. Spring Boot makes a sender only when
 * {@code spring.mail.host} is set: without one, e-mail actions are recorded as skipped.
 */
@Component
class EscalationMail {

    private static final Logger log = LoggerFactory.getLogger(EscalationMail.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ObjectProvider<JavaMailSender> sender;
    private final TicketSettings settings;

    EscalationMail(ObjectProvider<JavaMailSender> sender, TicketSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** One message to send once the escalation's claim has committed. */
    record Message(UUID escalationId, UUID ticketId, List<String> to, String subject, String body) {
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Subject with the ticket number and rule name; body with the link, priority, status and due times. */
    Message compose(UUID escalationId, TicketView ticket, String ruleName, List<String> to) {
        String link = settings.ticketLink().replace("{id}", ticket.id().toString())
                .replace("{number}", String.valueOf(ticket.number()));
        String subject = "Ticket #" + ticket.number() + " escalated: " + ruleName;
        String body = "The escalation rule \"" + ruleName + "\" fired for ticket #" + ticket.number() + ".\n\n"
                + "Subject:            " + ticket.subject() + "\n"
                + "Priority:           " + ticket.priority() + "\n"
                + "Status:             " + ticket.status() + "\n"
                + "First response due: " + time(ticket.sla().firstResponseDue())
                + (ticket.firstResponseAt() != null ? " (answered " + time(ticket.firstResponseAt()) + ")" : "")
                + (ticket.sla().firstResponseBreached() ? " (breached)" : "") + "\n"
                + "Resolution due:     " + time(ticket.sla().resolutionDue())
                + (ticket.sla().resolutionBreached() ? " (breached)" : "") + "\n"
                + "Open the ticket:    " + link + "\n";
        return new Message(escalationId, ticket.id(), to, subject, body);
    }

    /** Sends until the server accepts the message or the attempts are used up. */
    Delivery send(Message message) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return new Delivery(false, 0, "no mail server configured", null);
        }
        String lastError = null;
        int attempts = Math.max(1, settings.attempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1 && !pause(settings.retryBackoff().multipliedBy(1L << (attempt - 2)))) {
                return new Delivery(false, attempt - 1, "interrupted", null);
            }
            try {
                MimeMessage mime = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
                helper.setFrom(settings.mailFrom());
                helper.setTo(message.to().toArray(String[]::new));
                helper.setSubject(message.subject());
                helper.setText(message.body(), false);
                mail.send(mime);
                return new Delivery(true, attempt, null, null);
            } catch (MailException | MessagingException e) {
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                lastError = lastError.length() > 500 ? lastError.substring(0, 500) : lastError;
                log.warn("Escalation e-mail {} attempt {} failed: {}", message.escalationId(), attempt, lastError);
            }
        }
        return new Delivery(false, attempts, lastError, null);
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
