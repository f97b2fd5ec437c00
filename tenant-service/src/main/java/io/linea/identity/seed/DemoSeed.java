package io.linea.identity.seed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.linea.identity.audit.Actor;
import io.linea.identity.audit.AuditLog;
import io.linea.identity.person.MembershipStore;
import io.linea.identity.person.PasswordService;
import io.linea.identity.person.PersonStore;
import io.linea.identity.policy.MfaMode;
import io.linea.identity.policy.PolicyStore;
import io.linea.identity.policy.TenantPolicy;
import io.linea.identity.support.IdentitySettings;
import io.linea.identity.support.Tx;
import io.linea.identity.tenant.Tenant;
import io.linea.identity.tenant.TenantStore;
import io.linea.platform.security.Roles;

/**
 * Start-up data. Always: the platform administrator {@code platform} when
 * {@code LINEA_PLATFORM_ADMIN_PASSWORD} is set. With {@code linea.seed.demo=true}: the demo tenants,
 * people and memberships of docs/architecture.md "Demo data". Idempotent: existing rows are kept.
 */
@Component
public class DemoSeed implements ApplicationRunner {

    public static final UUID DEMO_ENERGY = UUID.fromString("d0000000-0000-4000-8000-000000000001");
    public static final UUID HEALTH_LINE = UUID.fromString("d0000000-0000-4000-8000-000000000002");
    public static final String DEMO_PASSWORD = "Linea-2026!";
    public static final String PLATFORM_ADMIN = "platform";

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final TenantStore tenants;
    private final PolicyStore policies;
    private final PersonStore people;
    private final MembershipStore memberships;
    private final PasswordService passwords;
    private final AuditLog audit;
    private final IdentitySettings settings;
    private final Tx tx;
    private final boolean demo;

    public DemoSeed(TenantStore tenants, PolicyStore policies, PersonStore people, MembershipStore memberships,
            PasswordService passwords, AuditLog audit, IdentitySettings settings, Tx tx,
            @Value("${linea.seed.demo:false}") boolean demo) {
        this.tenants = tenants;
        this.policies = policies;
        this.people = people;
        this.memberships = memberships;
        this.passwords = passwords;
        this.audit = audit;
        this.settings = settings;
        this.tx = tx;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        String adminPassword = settings.platformAdminPassword();
        if (adminPassword != null && !adminPassword.isBlank()) {
            tx.platformRun(() -> ensurePlatformAdmin(adminPassword));
        }
        if (demo) {
            tx.platformRun(this::seedDemo);
        }
    }

    void ensurePlatformAdmin(String password) {
        var existing = people.findByUsername(PLATFORM_ADMIN);
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            people.insert(id, PLATFORM_ADMIN, "Platform administrator", null, "en", passwords.hash(password),
                    List.of(Roles.PLATFORM_ADMIN));
            audit.platform("person.created", AuditLog.SUCCESS, Actor.SYSTEM, null,
                    java.util.Map.of("personId", id.toString(), "username", PLATFORM_ADMIN, "reason", "platform-admin"));
            log.info("Created the platform administrator '{}'", PLATFORM_ADMIN);
        } else if (!existing.get().platformAdmin()) {
            List<String> roles = new java.util.ArrayList<>(existing.get().platformRoles());
            roles.add(Roles.PLATFORM_ADMIN);
            people.setPlatformRoles(existing.get().id(), roles);
        }
    }

    void seedDemo() {
        boolean created = tenant(DEMO_ENERGY, "demo", "Demo Energy", "ro", "Europe/Chisinau", MfaMode.ADMINS);
        created |= tenant(HEALTH_LINE, "health", "Health Line", "uk", "Europe/Kyiv", MfaMode.OFF);
        ensurePlatformAdmin(DEMO_PASSWORD);
        UUID demoAdmin = person("demo-admin", "Ana Popescu", "ana.popescu@demo-energy.example", "ro");
        UUID supervisor = person("demo-supervisor", "Ion Rusu", "ion.rusu@demo-energy.example", "ro");
        UUID agent1 = person("demo-agent1", "Maria Ceban", "maria.ceban@demo-energy.example", "ro");
        UUID agent2 = person("demo-agent2", "Vasile Lungu", "vasile.lungu@demo-energy.example", "ro");
        UUID healthAdmin = person("health-admin", "Olena Kovalenko", "olena.kovalenko@health-line.example", "uk");
        UUID operator = person("operator", "Dmytro Bondar", "dmytro.bondar@bpo.example", "en");
        member(DEMO_ENERGY, demoAdmin, Roles.TENANT_ADMIN);
        member(DEMO_ENERGY, supervisor, Roles.SUPERVISOR);
        member(DEMO_ENERGY, agent1, Roles.AGENT);
        member(DEMO_ENERGY, agent2, Roles.AGENT);
        member(HEALTH_LINE, healthAdmin, Roles.TENANT_ADMIN);
        member(DEMO_ENERGY, operator, Roles.AGENT);
        member(HEALTH_LINE, operator, Roles.AGENT);
        if (created) {
            log.info("Seeded the demo tenants Demo Energy and Health Line");
        }
    }

    private boolean tenant(UUID id, String slug, String name, String language, String zone, MfaMode mfa) {
        boolean created = tenants.insert(new Tenant(id, slug, name, language, zone, Tenant.Status.ACTIVE, null,
                Instant.now()));
        if (created) {
            TenantPolicy defaults = TenantPolicy.defaults(id);
            policies.save(new TenantPolicy(id, defaults.minLength(), defaults.requireUpper(), defaults.requireLower(),
                    defaults.requireDigit(), defaults.requireSymbol(), defaults.historySize(), defaults.maxAgeDays(),
                    defaults.lockoutThreshold(), defaults.lockoutMinutes(), mfa, List.of(),
                    defaults.auditRetentionDays()));
            audit.tenant(id, "tenant.created", AuditLog.SUCCESS, Actor.SYSTEM, java.util.Map.of("slug", slug,
                    "reason", "demo-seed"));
        }
        return created;
    }

    private UUID person(String username, String displayName, String email, String locale) {
        return people.findByUsername(username).map(p -> p.id()).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            people.insert(id, username, displayName, email, locale, passwords.hash(DEMO_PASSWORD), List.of());
            return id;
        });
    }

    private void member(UUID tenant, UUID person, Roles role) {
        if (memberships.find(tenant, person).isEmpty()) {
            memberships.upsert(tenant, person, List.of(role.id()), List.of());
        }
    }
}
