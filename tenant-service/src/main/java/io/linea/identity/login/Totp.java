package io.linea.identity.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * TOTP (RFC 6238): SHA-1, 6 digits, 30-second steps, one step of clock drift either way. A code is
 * accepted only for a time step later than the last one the person used, so a code cannot be replayed.
 */
@Component
public class Totp {

    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final int WINDOW = 1;
    public static final String ISSUER = "Linea";

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

    /** The result of checking a code. */
    public sealed interface Check permits Accepted, Replayed, Wrong {
    }

    public record Accepted(long step) implements Check {
    }

    public record Replayed() implements Check {
    }

    public record Wrong() implements Check {
    }

    public String newSecret() {
        return secrets.generate();
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    public String code(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    public Check verify(String secret, String code, Long lastUsedStep, Instant now) {
        if (secret == null || code == null) {
            return new Wrong();
        }
        String candidate = code.replace(" ", "").trim();
        if (!candidate.matches("\\d{" + DIGITS + "}")) {
            return new Wrong();
        }
        long current = step(now);
        boolean replayed = false;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    candidate.getBytes(StandardCharsets.US_ASCII))) {
                if (lastUsedStep != null && step <= lastUsedStep) {
                    replayed = true;
                } else {
                    return new Accepted(step);
                }
            }
        }
        return replayed ? new Replayed() : new Wrong();
    }

    public String otpauthUri(String secret, String account) {
        return qrData(secret, account).getUri();
    }

    /** The enrolment QR code as a {@code data:image/png;base64,…} URI. */
    public String qrCodeDataUri(String secret, String account) {
        ZxingPngQrGenerator png = new ZxingPngQrGenerator();
        png.setImageSize(220);
        try {
            return Utils.getDataUriForImage(png.generate(qrData(secret, account)), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the enrolment QR code", e);
        }
    }

    private static QrData qrData(String secret, String account) {
        return new QrData.Builder().label(account).secret(secret).issuer(ISSUER).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build();
    }
}
