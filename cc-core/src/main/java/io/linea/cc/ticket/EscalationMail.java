package io.linea.cc.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.linea.cc.settings.SettingsManagement;
import io.linea.cc.settings.SettingsView;
import io.linea.platform.problem.ProblemMessages;

/**
 * The e-mail of an escalation rule (HD-01), sent through Spring's {@link JavaMailSender} to the rule's
 * addresses, one message per fired rule, retried like a webhook. Spring Boot makes a sender only when
 * {@code spring.mail.host} is set: without one, e-mail actions are recorded as skipped.
 */
@Component
class EscalationMail {

    private static final Logger log = LoggerFactory.getLogger(EscalationMail.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** {@code mail/escalation_xx.properties}, English for a missing key. */
    private static final MessageSource TEXTS = texts();

    private final ObjectProvider<JavaMailSender> sender;
    private final TicketSettings settings;
    private final SettingsManagement tenantSettings;

    EscalationMail(ObjectProvider<JavaMailSender> sender, TicketSettings settings,
            SettingsManagement tenantSettings) {
        this.sender = sender;
        this.settings = settings;
        this.tenantSettings = tenantSettings;
    }

    private static MessageSource texts() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("mail/escalation");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    /** One message to send once the escalation's claim has committed. */
    record Message(UUID escalationId, UUID ticketId, List<String> to, String subject, String body) {
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /**
     * Subject with the ticket number and rule name; body with the link, priority, status and due times, in the
     * tenant's default language and time zone (the receivers are the tenant's own staff).
     */
    Message compose(UUID escalationId, TicketView ticket, String ruleName, List<String> to) {
        SettingsView tenant = tenantSettings.current("Linea");
        Locale locale = ProblemMessages.supported(Locale.forLanguageTag(tenant.defaultLanguage()));
        ZoneId zone = ZoneId.of(tenant.timeZone());
        String link = settings.ticketLink().replace("{id}", ticket.id().toString())
                .replace("{number}", String.valueOf(ticket.number()));
        String number = String.valueOf(ticket.number());
        String subject = text("subject", locale, number, ruleName);
        List<String[]> lines = List.of(
                new String[] { text("label.subject", locale), ticket.subject() },
                new String[] { text("label.priority", locale), text("priority." + ticket.priority(), locale) },
                new String[] { text("label.status", locale), text("status." + ticket.status(), locale) },
                new String[] { text("label.first-response-due", locale), time(ticket.sla().firstResponseDue(), zone,
                        locale) + (ticket.firstResponseAt() != null ? " (" + text("answered", locale,
                                time(ticket.firstResponseAt(), zone, locale)) + ")" : "")
                        + (ticket.sla().firstResponseBreached() ? " (" + text("breached", locale) + ")" : "") },
                new String[] { text("label.resolution-due", locale), time(ticket.sla().resolutionDue(), zone, locale)
                        + (ticket.sla().resolutionBreached() ? " (" + text("breached", locale) + ")" : "") },
                new String[] { text("label.open", locale), link });
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0) + 2;
        StringBuilder body = new StringBuilder(text("fired", locale, ruleName, number)).append("\n\n");
        for (String[] line : lines) {
            body.append(line[0]).append(':').append(" ".repeat(width - line[0].length() - 1)).append(line[1])
                    .append('\n');
        }
        return new Message(escalationId, ticket.id(), to, subject, body.toString());
    }

    private static String text(String key, Locale locale, Object... args) {
        return TEXTS.getMessage(key, args, locale);
    }

    private static String time(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? text("none", locale) : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
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
