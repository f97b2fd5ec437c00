package io.linea.cc.integration;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.shared.InvalidInput;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.tenancy.TenantContext;

/**
 * Per-tenant API credentials of the integration API (CRM-05, SEC-04). A secret {@code lnk_<prefix>_<random>}
 * is shown once; the database keeps the public prefix (the lookup key) and an HMAC-SHA256 of the whole
 * secret under a pepper from the environment, compared in constant time. Every create and revoke is
 * logged and written to {@code api_credential_event} with who did it.
 */
@Service
class ApiCredentials {

    /** A request authenticated by an API key: its credential, tenant and scopes. */
    record ApiClient(UUID credentialId, UUID tenantId, String name, String prefix, Set<String> scopes) {
    }

    static final String SECRET_START = "lnk_";
    private static final Logger log = LoggerFactory.getLogger(ApiCredentials.class);
    private static final String PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEVELOPMENT_PEPPER = "linea-development-pepper";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final byte[] pepper;

    ApiCredentials(JdbcClient jdbc, PlatformTransactionManager transactions, IntegrationSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        if (settings.apiKeyPepper().isEmpty()) {
            log.warn("LINEA_API_KEY_PEPPER is not set: API keys are hashed with the development pepper");
        }
        this.pepper = (settings.apiKeyPepper().isEmpty() ? DEVELOPMENT_PEPPER : settings.apiKeyPepper())
                .getBytes(StandardCharsets.UTF_8);
    }

    List<ApiCredentialView> list() {
        return transactions.execute(s -> jdbc.sql("""
                select * from cc.api_credential where tenant_id = :tenant order by created_at desc, id""")
                .param("tenant", TenantContext.requireTenant()).query(ApiCredentials::view).list());
    }

    ApiCredentialView get(UUID id) {
        return transactions.execute(s -> jdbc.sql("select * from cc.api_credential where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.requireTenant()).param("id", id).query(ApiCredentials::view).optional()
                .orElseThrow(() -> LineaProblemException.notFound("api-credential")));
    }

    ApiCredentialView.Created create(String name, List<String> scopes) {
        if (scopes == null || scopes.isEmpty() || !ApiScopes.ALL.containsAll(scopes)) {
            throw InvalidInput.field("scopes", "api-credential.scopes", String.join(", ", ApiScopes.ALL));
        }
        UUID tenant = TenantContext.requireTenant();
        LineaPrincipal actor = LineaPrincipal.current()
                .orElseThrow(() -> new LineaProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                        "auth.required"));
        UUID id = UUID.randomUUID();
        String prefix = prefix();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_START + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into cc.api_credential (id, tenant_id, name, prefix, secret_hash, scopes, created_at, created_by)
                    values (:id, :tenant, :name, :prefix, :hash, :scopes, :now, :by)""").param("id", id)
                    .param("tenant", tenant).param("name", name.strip()).param("prefix", prefix)
                    .param("hash", hash(secret)).param("scopes", List.copyOf(new LinkedHashSet<>(scopes))
                            .toArray(String[]::new))
                    .param("now", now).param("by", actor.personId()).update();
            event(tenant, id, "CREATED", actor, now);
        });
        log.info("API credential {} ({}) created by {} with scopes {}", id, prefix, actor.personId(), scopes);
        return ApiCredentialView.Created.of(get(id), secret);
    }

    /** Revoked at once and for good: the next request with the key gets 401. Revoking twice changes nothing. */
    void revoke(UUID id) {
        UUID tenant = TenantContext.requireTenant();
        LineaPrincipal actor = LineaPrincipal.current()
                .orElseThrow(() -> new LineaProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                        "auth.required"));
        get(id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        boolean revoked = Boolean.TRUE.equals(transactions.execute(s -> {
            int rows = jdbc.sql("""
                    update cc.api_credential set revoked_at = :now, revoked_by = :by
                    where tenant_id = :tenant and id = :id and revoked_at is null""").param("now", now)
                    .param("by", actor.personId()).param("tenant", tenant).param("id", id).update();
            if (rows > 0) {
                event(tenant, id, "REVOKED", actor, now);
            }
            return rows > 0;
        }));
        if (revoked) {
            log.info("API credential {} revoked by {}", id, actor.personId());
        }
    }

    private void event(UUID tenant, UUID credential, String action, LineaPrincipal actor, OffsetDateTime now) {
        jdbc.sql("""
                insert into cc.api_credential_event (id, tenant_id, credential_id, action, actor_id, actor_name, at)
                values (:id, :tenant, :credential, :action, :actor, :name, :at)""").param("id", UUID.randomUUID())
                .param("tenant", tenant).param("credential", credential).param("action", action)
                .param("actor", actor.personId()).param("name", actor.displayName()).param("at", now).update();
    }

    /**
     * The credential a presented secret belongs to, if it exists, matches and is not revoked. The prefix
     * is looked up before any tenant is known, so that one read runs in platform scope.
     */
    Optional<ApiClient> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_START) || secret.length() > 200) {
            return Optional.empty();
        }
        String rest = secret.substring(SECRET_START.length());
        int end = rest.indexOf('_');
        if (end <= 0) {
            return Optional.empty();
        }
        String prefix = rest.substring(0, end);
        record Row(UUID id, UUID tenant, String name, byte[] hash, String[] scopes, boolean revoked) {
        }
        Optional<Row> found = TenantContext.callAsPlatform(() -> transactions.execute(s -> jdbc.sql("""
                select id, tenant_id, name, secret_hash, scopes, revoked_at is not null as revoked
                from cc.api_credential where prefix = :prefix""").param("prefix", prefix)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("name"), rs.getBytes("secret_hash"), (String[]) rs.getArray("scopes").getArray(),
                        rs.getBoolean("revoked")))
                .optional()));
        byte[] presented = hash(secret);
        if (found.isEmpty() || !MessageDigest.isEqual(presented, found.get().hash()) || found.get().revoked()) {
            return Optional.empty();
        }
        Row row = found.get();
        TenantContext.runAs(row.tenant(), () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                update cc.api_credential set last_used_at = now()
                where tenant_id = :tenant and id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
                """).param("tenant", row.tenant()).param("id", row.id()).update()));
        return Optional.of(new ApiClient(row.id(), row.tenant(), row.name(), prefix, Set.of(row.scopes())));
    }

    private byte[] hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix() {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.toString();
    }

    private static ApiCredentialView view(ResultSet rs, int row) throws SQLException {
        return new ApiCredentialView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                List.of((String[]) rs.getArray("scopes").getArray()), instant(rs, "created_at"),
                rs.getObject("created_by", UUID.class), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
