package io.linea.identity.oidc;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linea.identity.support.Sql;
import io.linea.identity.support.Tx;

/**
 * The RS256 signing keys of the token issuer, kept in {@code identity.signing_key} so that tokens stay
 * valid across restarts and instances. The first start generates one (under an advisory lock, so two
 * instances starting together agree on it). Loaded lazily: the database is migrated first.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private final JdbcClient jdbc;
    private final Tx tx;
    private volatile JWKSet keys;

    public SigningKeys(JdbcClient jdbc, Tx tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys());
    }

    public JWKSet keys() {
        JWKSet current = keys;
        if (current == null) {
            synchronized (this) {
                current = keys;
                if (current == null) {
                    current = new JWKSet(tx.platform(this::loadOrCreate));
                    keys = current;
                }
            }
        }
        return current;
    }

    private List<JWK> loadOrCreate() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('identity.signing_key'))").query().singleRow();
        List<JWK> existing = load();
        if (!existing.isEmpty()) {
            return existing;
        }
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        Base64.Encoder base64 = Base64.getEncoder();
        jdbc.sql("""
                insert into identity.signing_key (kid, public_key, private_key, active, created_at)
                values (:kid, :pub, :priv, true, :at)
                """).param("kid", kid).param("pub", base64.encodeToString(pair.getPublic().getEncoded()))
                .param("priv", base64.encodeToString(pair.getPrivate().getEncoded()))
                .param("at", Sql.ts(Instant.now())).update();
        return load();
    }

    private List<JWK> load() {
        return jdbc.sql("select kid, public_key, private_key from identity.signing_key where active"
                + " order by created_at desc").query((rs, n) -> (JWK) toJwk(rs.getString("kid"),
                        rs.getString("public_key"), rs.getString("private_key")))
                .list();
    }

    private static RSAKey toJwk(String kid, String publicKey, String privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey)));
            RSAPrivateKey priv = (RSAPrivateKey) factory
                    .generatePrivate(new PKCS8EncodedKeySpec(base64.decode(privateKey)));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + kid + " cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
