package io.linea.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32. */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    final Totp totp = new Totp();

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
    }

    @Test
    void acceptsOneStepOfDriftAndRefusesReplays() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step), null, now))
                .isEqualTo(new Totp.Accepted(step));
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step - 1), null, now))
                .isEqualTo(new Totp.Accepted(step - 1));
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step + 1), null, now))
                .isEqualTo(new Totp.Accepted(step + 1));
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step - 2), null, now)).isInstanceOf(Totp.Wrong.class);
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step), step, now)).isInstanceOf(Totp.Replayed.class);
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step - 1), step, now))
                .isInstanceOf(Totp.Replayed.class);
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, step + 1), step, now))
                .isEqualTo(new Totp.Accepted(step + 1));
        assertThat(totp.verify(RFC_SECRET, "12345", null, now)).isInstanceOf(Totp.Wrong.class);
        assertThat(totp.verify(RFC_SECRET, "abcdef", null, now)).isInstanceOf(Totp.Wrong.class);
        assertThat(totp.verify(RFC_SECRET, null, null, now)).isInstanceOf(Totp.Wrong.class);
    }

    @Test
    void enrolmentMaterial() {
        String secret = totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(totp.otpauthUri(secret, "ana")).startsWith("otpauth://totp/").contains("secret=" + secret)
                .contains("issuer=Linea").contains("digits=6").contains("period=30");
        assertThat(totp.qrCodeDataUri(secret, "ana")).startsWith("data:image/png;base64,");
    }
}
