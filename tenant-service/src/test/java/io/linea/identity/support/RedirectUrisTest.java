package io.linea.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectUrisTest {

    final RedirectUris uris = new RedirectUris(
            new IdentitySettings("https://linea.example.com", "linea.example.com", "", "", 30, 365));

    @Test
    void acceptsThePublicOriginAndTenantAddresses() {
        assertThat(uris.publicCallback()).isEqualTo("https://linea.example.com/auth/callback");
        assertThat(uris.allowedCallback("https://linea.example.com/auth/callback")).isTrue();
        assertThat(uris.allowedCallback("https://demo.linea.example.com/auth/callback")).isTrue();
        assertThat(uris.allowedCallback("http://demo.linea.example.com:8080/auth/callback")).isTrue();
        assertThat(uris.allowedLogoutTarget("https://health.linea.example.com/")).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        assertThat(uris.allowedCallback("https://evil.example/auth/callback")).isFalse();
        assertThat(uris.allowedCallback("https://demo.linea.example.com.evil.example/auth/callback")).isFalse();
        assertThat(uris.allowedCallback("https://a.b.linea.example.com/auth/callback")).isFalse();
        assertThat(uris.allowedCallback("https://demo.linea.example.com/auth/callback?next=x")).isFalse();
        assertThat(uris.allowedCallback("https://demo.linea.example.com/auth/callback#x")).isFalse();
        assertThat(uris.allowedCallback("https://user@demo.linea.example.com/auth/callback")).isFalse();
        assertThat(uris.allowedCallback("https://demo.linea.example.com/other")).isFalse();
        assertThat(uris.allowedCallback("javascript://demo.linea.example.com/auth/callback")).isFalse();
        assertThat(uris.allowedCallback("https://linea.example.com:8443/auth/callback")).isFalse();
        assertThat(uris.allowedCallback(null)).isFalse();
        assertThat(uris.allowedLogoutTarget("https://demo.linea.example.com/auth/callback")).isFalse();
        assertThat(uris.tenantSlug("-bad.linea.example.com")).isEmpty();
        assertThat(uris.tenantSlug("Demo.Linea.Example.Com")).contains("demo");
    }
}
