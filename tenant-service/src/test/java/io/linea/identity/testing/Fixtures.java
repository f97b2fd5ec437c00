package io.linea.identity.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.boot.test.context.TestComponent;

import io.linea.identity.person.MembershipStore;
import io.linea.identity.person.PasswordService;
import io.linea.identity.person.PersonStore;
import io.linea.identity.policy.PolicyStore;
import io.linea.identity.policy.TenantPolicy;
import io.linea.identity.support.Tx;
import io.linea.identity.tenant.Tenant;
import io.linea.identity.tenant.TenantService;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.TestTokens;

/** Test data: tenants, people with memberships and matching test tokens, direct SQL. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "Correct-Horse-42";

    private final TenantService tenants;
    private final PersonStore people;
    private final MembershipStore memberships;
    private final PolicyStore policies;
    private final PasswordService passwords;
    private final Tx tx;

    public Fixtures(TenantService tenants, PersonStore people, MembershipStore memberships, PolicyStore policies,
            PasswordService passwords, Tx tx) {
        this.tenants = tenants;
        this.people = people;
        this.memberships = memberships;
        this.policies = policies;
        this.passwords = passwords;
        this.tx = tx;
    }

    /** A person with a test token whose subject is the person's id. */
    public record User(UUID id, String username, TestTokens.Person tokens) {

        public String token() {
            return tokens.token();
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Tenant tenant(String name) {
        return tenants.create(UUID.randomUUID(), unique("t"), name, "en", "UTC", null);
    }

    public Tenant tenant() {
        return tenant(unique("Tenant"));
    }

    public void policy(UUID tenantId, UnaryOperator<TenantPolicy> change) {
        tx.platformRun(() -> policies.save(change.apply(policies.get(tenantId))));
    }

    public static TenantPolicy with(TenantPolicy p, Map<String, Object> values) {
        return new TenantPolicy(p.tenantId(), (int) values.getOrDefault("minLength", p.minLength()),
                (boolean) values.getOrDefault("requireUpper", p.requireUpper()),
                (boolean) values.getOrDefault("requireLower", p.requireLower()),
                (boolean) values.getOrDefault("requireDigit", p.requireDigit()),
                (boolean) values.getOrDefault("requireSymbol", p.requireSymbol()),
                (int) values.getOrDefault("historySize", p.historySize()),
                values.containsKey("maxAgeDays") ? (Integer) values.get("maxAgeDays") : p.maxAgeDays(),
                (int) values.getOrDefault("lockoutThreshold", p.lockoutThreshold()),
                (int) values.getOrDefault("lockoutMinutes", p.lockoutMinutes()),
                (io.linea.identity.policy.MfaMode) values.getOrDefault("mfaMode", p.mfaMode()),
                castList(values.getOrDefault("trustedNetworks", p.trustedNetworks())),
                (int) values.getOrDefault("auditRetentionDays", p.auditRetentionDays()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    /** A person (password {@link #PASSWORD}) with one membership. */
    public User user(Tenant tenant, Roles role, String... extraPermissions) {
        User user = person();
        return member(user, tenant, role, extraPermissions);
    }

    /** A person without memberships. */
    public User person() {
        TestTokens.Person tokenPerson = TestTokens.person();
        String username = unique("u");
        tx.platformRun(() -> people.insert(tokenPerson.id(), username, "Name of " + username, username + "@example.com",
                "en", passwords.hash(PASSWORD), List.of()));
        return new User(tokenPerson.id(), username, tokenPerson);
    }

    public User member(User user, Tenant tenant, Roles role, String... extraPermissions) {
        tx.platformRun(() -> memberships.upsert(tenant.id(), user.id(), List.of(role.id()), List.of(extraPermissions)));
        if (extraPermissions.length == 0) {
            user.tokens().member(tenant.id(), role);
        } else {
            var permissions = new java.util.LinkedHashSet<>(role.permissions());
            permissions.addAll(List.of(extraPermissions));
            user.tokens().member(tenant.id(), permissions);
        }
        return user;
    }

    /** A platform administrator (with a person row) and its token. */
    public User platformAdmin() {
        User user = person();
        tx.platformRun(() -> people.setPlatformRoles(user.id(), List.of(Roles.PLATFORM_ADMIN)));
        user.tokens().platformAdmin();
        return user;
    }

    // --- SQL --------------------------------------------------------------------------------------------

    /** Runs a statement as the database superuser (bypasses row-level security). */
    public int sql(String statement, Object... params) {
        try (Connection c = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** First column of every row, as the superuser. */
    public List<Object> query(String statement, Object... params) {
        try (Connection c = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection as the application role ({@code linea_app}), subject to grants and row-level security. */
    public static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabase.shared().jdbcUrl(), EmbeddedDatabase.APP,
                EmbeddedDatabase.APP);
    }
}
