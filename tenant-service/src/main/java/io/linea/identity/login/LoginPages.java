package io.linea.identity.login;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.linea.identity.support.Languages;
import io.linea.identity.support.RedirectUris;
import io.linea.identity.support.Tx;
import io.linea.identity.tenant.Tenant;
import io.linea.identity.tenant.TenantStore;

/** What every login page shows: the tenant's name when reached through its address, languages, messages. */
@Component
public class LoginPages {

    private final RedirectUris redirectUris;
    private final TenantStore tenants;
    private final MessageSource messages;
    private final Tx tx;

    public LoginPages(RedirectUris redirectUris, TenantStore tenants, MessageSource messages, Tx tx) {
        this.redirectUris = redirectUris;
        this.tenants = tenants;
        this.messages = messages;
        this.tx = tx;
    }

    /** The tenant whose address ({@code {slug}.{base domain}}) the page was reached through. */
    public Optional<Tenant> brand(HttpServletRequest request) {
        return redirectUris.tenantSlug(request.getServerName())
                .flatMap(slug -> tx.platform(() -> tenants.findBySlug(slug)));
    }

    public Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }

    public void prepare(Model model, HttpServletRequest request, String path) {
        Optional<Tenant> brand = brand(request);
        model.addAttribute("brand", brand.map(Tenant::displayName).orElse(null));
        model.addAttribute("languages", Languages.ALL);
        model.addAttribute("lang", locale(request).getLanguage());
        model.addAttribute("path", path);
    }

    /** A message in the page's language; instants become local date-times of the branded tenant (or UTC). */
    public String message(HttpServletRequest request, String code, Object... args) {
        Locale locale = locale(request);
        ZoneId zone = brand(request).map(t -> {
            try {
                return ZoneId.of(t.timeZone());
            } catch (RuntimeException e) {
                return ZoneId.of("UTC");
            }
        }).orElse(ZoneId.of("UTC"));
        Object[] formatted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            formatted[i] = args[i] instanceof Instant instant
                    ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone)
                            .format(instant) + " (" + zone.getId() + ")"
                    : args[i];
        }
        return messages.getMessage(code, formatted, code, locale);
    }
}
