package io.linea.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void matchesIpv4AndIpv6Networks() {
        Cidr office = Cidr.parse("203.0.113.0/24").orElseThrow();
        assertThat(office.contains("203.0.113.7")).isTrue();
        assertThat(office.contains("203.0.114.7")).isFalse();
        assertThat(office.contains("::ffff:203.0.113.7")).isTrue();
        assertThat(office.contains("2001:db8::1")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").orElseThrow().contains("10.200.3.4")).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").orElseThrow().contains("8.8.8.8")).isTrue();
        assertThat(Cidr.parse("192.168.1.10").orElseThrow().contains("192.168.1.10")).isTrue();
        assertThat(Cidr.parse("192.168.1.10").orElseThrow().contains("192.168.1.11")).isFalse();
        Cidr v6 = Cidr.parse("2001:db8::/32").orElseThrow();
        assertThat(v6.contains("2001:db8:1::5")).isTrue();
        assertThat(v6.contains("2001:db9::5")).isFalse();
    }

    @Test
    void refusesAnythingThatIsNotAnAddressLiteral() {
        assertThat(Cidr.parse("not-a-network")).isEmpty();
        assertThat(Cidr.parse("example.com/24")).isEmpty();
        assertThat(Cidr.parse("300.1.1.1/24")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/-1")).isEmpty();
        assertThat(Cidr.parse("")).isEmpty();
        assertThat(Cidr.parse(null)).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/8").orElseThrow().contains("localhost")).isFalse();
    }
}
