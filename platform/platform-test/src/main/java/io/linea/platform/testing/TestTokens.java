package io.linea.platform.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.linea.platform.security.Membership;
import io.linea.platform.security.Roles;

/** Mints access tokens shaped like tenant-service's, signed with a key only tests know. */
public final class TestTokens {

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    public static Person person() {
        return new Person(UUID.randomUUID(), "user-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A caller to mint a token for: add memberships, then {@link #token()}. */
    public static final class Person {

        private final UUID id;
        private final String username;
        private final List<Membership> memberships = new ArrayList<>();
        private final List<String> platformRoles = new ArrayList<>();

        Person(UUID id, String username) {
            this.id = id;
            this.username = username;
        }

        public UUID id() {
            return id;
        }

        /** Membership with the role's default permissions. */
        public Person member(UUID tenantId, Roles role) {
            memberships.add(new Membership(tenantId, "t-" + tenantId.toString().substring(0, 8),
                    "Tenant " + tenantId.toString().substring(0, 8), Set.of(role.id()), role.permissions()));
            return this;
        }

        /** Membership with exactly these permissions. */
        public Person member(UUID tenantId, Set<String> permissions) {
            memberships.add(new Membership(tenantId, "t-" + tenantId.toString().substring(0, 8),
                    "Tenant " + tenantId.toString().substring(0, 8), Set.of(), permissions));
            return this;
        }

        public Person platformAdmin() {
            platformRoles.add(Roles.PLATFORM_ADMIN);
            return this;
        }

        public String token() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(id.toString())
                    .issuer("http://localhost:8080")
                    .issueTime(java.util.Date.from(Instant.now()))
                    .expirationTime(java.util.Date.from(Instant.now().plusSeconds(3600)))
                    .claim("preferred_username", username)
                    .claim("name", username)
                    .claim("locale", "en")
                    .claim("platform_roles", platformRoles)
                    .claim("memberships", memberships.stream().map(Membership::toClaim).map(Map::copyOf).toList())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            try {
                jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
