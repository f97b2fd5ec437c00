package io.linea.cc.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** SIP user names, passwords and the digest credential Asterisk keeps instead of the password. */
final class SipCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    // Letters and digits only: some SIP clients mangle symbols in passwords; 24 of 62 give about 143 bits.
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PASSWORD_LENGTH = 24;

    private SipCredentials() {
    }

    static String newUsername() {
        return "ag" + random(LOWER_ALPHANUMERIC, 10);
    }

    static String newPassword() {
        return random(ALPHANUMERIC, PASSWORD_LENGTH);
    }

    /** md5(user:realm:password), the HA1 of RFC 2617 digest authentication that Asterisk stores as md5_cred. */
    static String md5Credential(String username, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest((username + ":" + AgentEndpointConfig.REALM + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
