package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** TEL-04: SIP user names and passwords are random, and only their digest is what Asterisk stores. */
class SipCredentialsTests {

    @Test
    void digestIsMd5OfUserRealmAndPassword() {
        // printf 'ag0000000000:linea:Linea-2026!' | md5sum
        assertThat(SipCredentials.md5Credential("ag0000000000", "Linea-2026!"))
                .isEqualTo("55c084c04e14f269cd04797fb06a45a5");
    }

    @Test
    void usernamesAndPasswordsAreRandomAndWellFormed() {
        Set<String> usernames = new HashSet<>();
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String username = SipCredentials.newUsername();
            String password = SipCredentials.newPassword();
            assertThat(username).matches("ag[a-z0-9]{10}");
            assertThat(password).matches("[A-Za-z0-9]{24}");
            usernames.add(username);
            passwords.add(password);
        }
        assertThat(usernames).hasSize(1000);
        assertThat(passwords).hasSize(1000);
    }
}
