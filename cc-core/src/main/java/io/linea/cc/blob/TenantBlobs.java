package io.linea.cc.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Stores a tenant's binaries encrypted at rest (DESIGN: blob store, encrypted per tenant). Each tenant's
 * AES-256 key is HMAC-SHA256(master key, tenant id), so no key is stored per tenant and erasing a tenant
 * can later be done by forgetting its key. AES-GCM authenticates the tenant id and the blob key as well:
 * a file copied under another tenant's name does not decrypt.
 */
@Service
@EnableConfigurationProperties(BlobSettings.class)
public class TenantBlobs {

    private static final Logger log = LoggerFactory.getLogger(TenantBlobs.class);
    private static final byte[] MAGIC = "LB1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private final Path dir;
    private final byte[] master;
    private final SecureRandom random = new SecureRandom();

    TenantBlobs(BlobSettings settings) {
        this.dir = settings.dir();
        this.master = settings.masterKey().isEmpty() ? localKey(dir) : Base64.getDecoder().decode(settings.masterKey());
        if (master.length < 32) {
            throw new IllegalArgumentException("linea.blobs.master-key must be at least 32 bytes (base64)");
        }
    }

    /** Encrypts and writes {@code data}; returns the key to find it again ("voicemail/tenant/uuid"). */
    public String put(UUID tenantId, String kind, byte[] data) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("bad blob kind " + kind);
        }
        String key = kind + "/" + tenantId + "/" + UUID.randomUUID();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, tenantId, key, nonce);
            sealed = cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blob encryption failed", e);
        }
        Path file = dir.resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length).put(MAGIC).put(nonce)
                    .put(sealed).array());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("blob " + key + " could not be written", e);
        }
        return key;
    }

    /** Reads and decrypts a blob of this tenant; a key of another tenant is refused before any file is read. */
    public byte[] get(UUID tenantId, String key) {
        if (!key.matches("[a-z][a-z0-9-]*/" + tenantId + "/[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a blob of tenant " + tenantId);
        }
        try {
            byte[] stored = Files.readAllBytes(dir.resolve(key));
            ByteBuffer buffer = ByteBuffer.wrap(stored);
            byte[] magic = new byte[MAGIC.length];
            buffer.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException("blob " + key + " has an unknown format");
            }
            byte[] nonce = new byte[NONCE_BYTES];
            buffer.get(nonce);
            byte[] sealed = new byte[buffer.remaining()];
            buffer.get(sealed);
            return cipher(Cipher.DECRYPT_MODE, tenantId, key, nonce).doFinal(sealed);
        } catch (IOException e) {
            throw new UncheckedIOException("blob " + key + " could not be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blob " + key + " does not decrypt with its tenant's key", e);
        }
    }

    public void delete(UUID tenantId, String key) {
        get(tenantId, key); // proves the key is this tenant's before removing anything
        try {
            Files.deleteIfExists(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("blob " + key + " could not be deleted", e);
        }
    }

    private Cipher cipher(int mode, UUID tenantId, String key, byte[] nonce) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master, "HmacSHA256"));
        byte[] tenantKey = mac.doFinal(("linea-blob:" + tenantId).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(tenantKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD((tenantId + "|" + key).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Development: a generated master key kept beside the data, readable by this user only. */
    private static byte[] localKey(Path dir) {
        Path file = dir.resolve(".master-key");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: read theirs
                }
                log.warn("No LINEA_BLOB_KEY: generated a master key in {}; set LINEA_BLOB_KEY in production", file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("blob master key " + file + " could not be made", e);
        }
    }
}
