package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TEL-02: a carrier's host and the networks that identify it, checked without any DNS lookup. */
class NetworkAddressesTests {

    @Test
    void hostNamesAndAddresses() {
        assertThat(NetworkAddresses.host("sip.Carrier-1.example")).hasValue("sip.carrier-1.example");
        assertThat(NetworkAddresses.host("127.0.0.2")).hasValue("127.0.0.2");
        assertThat(NetworkAddresses.host("[2001:db8::1]")).hasValue("2001:db8:0:0:0:0:0:1");
        assertThat(NetworkAddresses.host("localhost")).hasValue("localhost");
    }

    @Test
    void notAHost() {
        assertThat(NetworkAddresses.host("999.1.1.1")).isEmpty();
        assertThat(NetworkAddresses.host("bad host")).isEmpty();
        assertThat(NetworkAddresses.host("-carrier.example")).isEmpty();
        assertThat(NetworkAddresses.host("carrier..example")).isEmpty();
        assertThat(NetworkAddresses.host("sip.example:5060")).isEmpty();
        assertThat(NetworkAddresses.host("a".repeat(64) + ".example")).isEmpty();
        assertThat(NetworkAddresses.host("")).isEmpty();
    }

    @Test
    void cidrs() {
        assertThat(NetworkAddresses.cidr("203.0.113.0/24")).hasValue("203.0.113.0/24");
        assertThat(NetworkAddresses.cidr("127.0.0.2")).hasValue("127.0.0.2/32");
        assertThat(NetworkAddresses.cidr("2001:db8::/32")).hasValue("2001:db8:0:0:0:0:0:0/32");
        assertThat(NetworkAddresses.cidr("10.0.0.0/33")).isEmpty();
        assertThat(NetworkAddresses.cidr("10.0.0.0/-1")).isEmpty();
        assertThat(NetworkAddresses.cidr("10.0.0/8")).isEmpty();
        assertThat(NetworkAddresses.cidr("carrier.example/24")).isEmpty();
    }
}
