package io.linea.gateway.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import io.linea.gateway.GatewaySettings;

/**
 * Who the client is. By default the connection's remote address: an X-Forwarded-For header is only believed when
 * the connection comes from a configured trusted proxy ({@code linea.gateway.trusted-proxies}), otherwise anyone
 * could dodge the login rate limit by inventing addresses.
 */
@Component
public class ClientAddresses {

    private final List<Cidr> trusted;

    public ClientAddresses(GatewaySettings settings) {
        this.trusted = settings.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse)
                .toList();
    }

    /** The client's address: the remote address, or the last untrusted hop of X-Forwarded-For behind a trusted proxy. */
    public String clientAddress(ServerHttpRequest request) {
        String remote = remoteAddress(request);
        if (!isTrustedProxy(remote)) {
            return remote;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrustedProxy(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? remote : hops.getFirst();
    }

    /** Whether the connection itself comes from a trusted proxy (then its X-Forwarded-* headers are believed). */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        return isTrustedProxy(remoteAddress(request));
    }

    static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    private boolean isTrustedProxy(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        InetAddress parsed = literal(address);
        return parsed != null && trusted.stream().anyMatch(c -> c.contains(parsed));
    }

    /** Parses an IP literal only: never a DNS lookup for a header value a client made up. */
    static InetAddress literal(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F:.%]+|\\[[0-9a-fA-F:.%]+]")) {
            return null;
        }
        try {
            return InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
        }
        catch (UnknownHostException invalid) {
            return null;
        }
    }

    record Cidr(BigInteger network, int prefix, int bits) {

        static Cidr parse(String value) {
            String[] parts = value.split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("linea.gateway.trusted-proxies: not an IP address or CIDR range: " + value);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("linea.gateway.trusted-proxies: bad prefix length in " + value);
            }
            return new Cidr(masked(new BigInteger(1, address.getAddress()), prefix, bits), prefix, bits);
        }

        boolean contains(InetAddress address) {
            if (address.getAddress().length * 8 != bits) {
                return false;
            }
            return masked(new BigInteger(1, address.getAddress()), prefix, bits).equals(network);
        }

        private static BigInteger masked(BigInteger value, int prefix, int bits) {
            return value.shiftRight(bits - prefix);
        }
    }
}
