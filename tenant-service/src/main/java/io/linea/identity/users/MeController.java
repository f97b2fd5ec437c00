package io.linea.identity.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.identity.audit.Actor;
import io.linea.identity.audit.AuditLog;
import io.linea.identity.login.LoginAudit;
import io.linea.identity.login.Totp;
import io.linea.identity.person.MembershipView;
import io.linea.identity.person.PasswordService;
import io.linea.identity.person.Person;
import io.linea.identity.person.PersonStore;
import io.linea.identity.support.RequestInfo;
import io.linea.identity.support.Tx;
import io.linea.identity.tenant.Tenant;
import io.linea.identity.tenant.TenantStore;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;

/** The signed-in person's own account: profile, language, password, MFA, active tenant (TEN-03). */
@RestController
@RequestMapping("/api/identity/me")
public class MeController {

    private final PersonStore people;
    private final TenantStore tenants;
    private final PasswordService passwords;
    private final LoginAudit loginAudit;
    private final AuditLog audit;
    private final Totp totp;
    private final Tx tx;

    public MeController(PersonStore people, TenantStore tenants, PasswordService passwords, LoginAudit loginAudit,
            AuditLog audit, Totp totp, Tx tx) {
        this.people = people;
        this.tenants = tenants;
        this.passwords = passwords;
        this.loginAudit = loginAudit;
        this.audit = audit;
        this.totp = totp;
        this.tx = tx;
    }

    public record MembershipSummary(UUID tenantId, String slug, String name, Tenant.Status status, List<String> roles,
            List<String> permissions) {
    }

    public record Me(UUID id, String username, String displayName, String email, String locale,
            List<String> platformRoles, boolean mfaEnrolled, List<MembershipSummary> memberships) {
    }

    public record LocaleChange(@NotBlank @Size(max = 10) String locale) {
    }

    public record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
            @NotNull @Size(max = 200) String newPassword) {
    }

    public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
    }

    public record EnrolmentConfirmation(@NotBlank @Size(max = 10) String code) {
    }

    public record ActiveTenant(@NotNull UUID tenantId) {
    }

    @GetMapping
    public Me me() {
        UUID id = principal().personId();
        return tx.platform(() -> {
            Person person = person(id);
            List<MembershipSummary> memberships = people.memberships(id).stream().filter(MembershipView::enabled)
                    .map(m -> new MembershipSummary(m.tenantId(), m.slug(), m.tenantName(), m.tenantStatus(), m.roles(),
                            List.copyOf(m.permissions())))
                    .toList();
            return new Me(person.id(), person.username(), person.displayName(), person.email(), person.locale(),
                    person.platformRoles(), person.mfaEnrolled(), memberships);
        });
    }

    @PutMapping("/locale")
    public ResponseEntity<Void> locale(@Valid @RequestBody LocaleChange body) {
        UUID id = principal().personId();
        String locale = Grants.locale(body.locale(), "locale");
        tx.platformRun(() -> {
            person(id);
            people.updateLocale(id, locale);
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password")
    public ResponseEntity<Void> password(@Valid @RequestBody PasswordChange body) {
        UUID id = principal().personId();
        RequestInfo request = RequestInfo.current();
        tx.platformRun(() -> {
            Person person = people.findForUpdate(id).orElseThrow(() -> LineaProblemException.notFound("person"));
            if (!passwords.matches(body.currentPassword(), person.passwordHash())) {
                throw new LineaProblemException(HttpStatus.BAD_REQUEST, "password.current-wrong",
                        List.of(new LineaProblemException.FieldProblem("currentPassword", "password.current-wrong")));
            }
            passwords.require(passwords.rulesFor(id), person, person.username(), body.newPassword(), "newPassword");
            passwords.change(id, body.newPassword());
            loginAudit.record(person, null, people.memberships(id), "password.changed", AuditLog.SUCCESS, "self",
                    request, null);
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mfa/enrolment")
    public Enrolment startEnrolment() {
        UUID id = principal().personId();
        return tx.platform(() -> {
            Person person = person(id);
            String secret = totp.newSecret();
            people.setPendingMfaSecret(id, secret);
            return new Enrolment(secret, totp.otpauthUri(secret, person.username()),
                    totp.qrCodeDataUri(secret, person.username()));
        });
    }

    @PostMapping("/mfa/enrolment/confirm")
    public ResponseEntity<Void> confirmEnrolment(@Valid @RequestBody EnrolmentConfirmation body) {
        UUID id = principal().personId();
        RequestInfo request = RequestInfo.current();
        tx.platformRun(() -> {
            Person person = people.findForUpdate(id).orElseThrow(() -> LineaProblemException.notFound("person"));
            if (person.mfaPendingSecret() == null) {
                throw LineaProblemException.badRequest("mfa.no-enrolment");
            }
            if (!(totp.verify(person.mfaPendingSecret(), body.code(), null, Instant.now()) instanceof Totp.Accepted ok)) {
                throw new LineaProblemException(HttpStatus.BAD_REQUEST, "mfa.code-invalid",
                        List.of(new LineaProblemException.FieldProblem("code", "mfa.code-invalid")));
            }
            people.enrolMfa(id, person.mfaPendingSecret(), ok.step(), Instant.now());
            loginAudit.record(person, null, people.memberships(id), "mfa.enrolled", AuditLog.SUCCESS, "self", request,
                    null);
        });
        return ResponseEntity.noContent().build();
    }

    /** Records that the web app switched to another of the person's tenants (no new login needed). */
    @PostMapping("/active-tenant")
    public ResponseEntity<Void> activeTenant(@Valid @RequestBody ActiveTenant body) {
        LineaPrincipal principal = principal();
        if (principal.membership(body.tenantId()).isEmpty()) {
            throw LineaProblemException.forbidden("tenant.not-member");
        }
        Tenant tenant = tx.platform(() -> tenants.find(body.tenantId()))
                .orElseThrow(() -> LineaProblemException.forbidden("tenant.not-member"));
        if (!tenant.active()) {
            throw LineaProblemException.forbidden("tenant.suspended");
        }
        tx.tenantRun(tenant.id(), () -> audit.tenant(tenant.id(), "tenant.switched", AuditLog.SUCCESS, Actor.current(),
                Map.of("slug", tenant.slug(), "name", tenant.displayName())));
        return ResponseEntity.noContent().build();
    }

    private Person person(UUID id) {
        return people.find(id).orElseThrow(() -> LineaProblemException.notFound("person"));
    }

    private static LineaPrincipal principal() {
        return LineaPrincipal.current()
                .orElseThrow(() -> new LineaProblemException(HttpStatus.UNAUTHORIZED, "auth.required"));
    }
}
