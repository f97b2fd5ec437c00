package io.linea.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

import io.linea.gateway.GatewaySettings;

/** Which address is the client: only trusted proxies may speak for it through X-Forwarded-For. */
class ClientAddressesTests {

    @Test
    void withoutTrustedProxiesTheRemoteAddressIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(settings(List.of()));
        assertThat(addresses.clientAddress(request("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheLastUntrustedHopIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(settings(List.of("10.0.0.0/8", "fd00::/8")));
        assertThat(addresses.clientAddress(request("10.1.2.3", "6.6.6.6, 203.0.113.9, 10.9.9.9")))
                .as("a client-invented first hop is ignored").isEqualTo("203.0.113.9");
        assertThat(addresses.clientAddress(request("fd00::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(addresses.clientAddress(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(addresses.clientAddress(request("11.1.2.3", "203.0.113.9"))).isEqualTo("11.1.2.3");
    }

    @Test
    void trustedProxiesMustBeAddressesNotNames() {
        assertThatThrownBy(() -> new ClientAddresses(settings(List.of("lb.example.com"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientAddresses.literal("evil.example.com")).isNull();
    }

    private static MockServerHttpRequest request(String remote, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/login")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }

    private static GatewaySettings settings(List<String> trustedProxies) {
        return new GatewaySettings(java.net.URI.create("http://127.0.0.1:8081"),
                java.net.URI.create("http://127.0.0.1:8082"), "", Duration.ofSeconds(2), "localhost", trustedProxies,
                DataSize.ofMegabytes(1), DataSize.ofMegabytes(60),
                new GatewaySettings.RateLimits(new GatewaySettings.LoginLimit(20, 20, Duration.ofMinutes(1)),
                        new GatewaySettings.ApiLimit(200, 100, Duration.ofSeconds(1))));
    }
}
