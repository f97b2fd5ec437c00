package io.linea.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Audit entries show source addresses the way admins write them (SEC-03). */
class RequestInfoTests {

    @Test
    void ipv6AddressesAreShortenedAsRfc5952Says() {
        assertThat(RequestInfo.readable("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(RequestInfo.readable("2001:DB8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(RequestInfo.readable("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(RequestInfo.readable("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1");
        assertThat(RequestInfo.readable("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }

    @Test
    void ipv4AndMissingAddressesStayAsTheyAre() {
        assertThat(RequestInfo.readable("10.0.0.7")).isEqualTo("10.0.0.7");
        assertThat(RequestInfo.readable(null)).isNull();
    }
}
