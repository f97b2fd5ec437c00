package io.linea.cc.provisioning;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host names, IP literals and CIDR networks as a carrier's settings need them; never resolves a name. */
final class NetworkAddresses {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]+$");
    private static final Pattern NUMERIC = Pattern.compile("^[0-9.]+$");
    private static final Pattern LABEL = Pattern.compile("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$");

    private NetworkAddresses() {
    }

    /** The host lower-cased and without IPv6 brackets, if it is an IP literal or an RFC 1123 host name. */
    static Optional<String> host(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String value = typed.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.contains(":") || NUMERIC.matcher(value).matches()) {
            // all digits and dots must be an IPv4 address (not "999.1.1.1"), a colon an IPv6 one
            return literal(value).map(bytes -> canonical(bytes));
        }
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (name.isEmpty() || name.length() > 253) {
            return Optional.empty();
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(name.toLowerCase(Locale.ROOT));
    }

    /** A network as "address/prefix" (a bare address becomes /32 or /128), if {@code typed} is one. */
    static Optional<String> cidr(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String value = typed.strip();
        int slash = value.indexOf('/');
        Optional<byte[]> address = literal(slash < 0 ? value : value.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int max = address.get().length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = value.substring(slash + 1);
            if (!bits.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(bits);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        return Optional.of(canonical(address.get()) + "/" + prefix);
    }

    private static Optional<byte[]> literal(String value) {
        if (IPV4.matcher(value).matches()) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!value.contains(":") || !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // only literals reach here, so this parses and never queries DNS
            return Optional.of(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String canonical(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
