package io.linea.asterisk.testing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What {@code linea-asterisk start} is given: the node's name (its directory and system name), the
 * address and ports it listens on, the ARI user and the Stasis application calls are sent to.
 */
public record NodeSettings(String name, String bind, int sipPort, int tlsPort, int httpPort, int httpsPort,
        int rtpStart, int rtpEnd, String ariUser, String ariPassword, String app) {

    private static final String RANDOM_PASSWORD = randomPassword();

    public NodeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(ariUser, "ariUser");
        Objects.requireNonNull(ariPassword, "ariPassword");
        Objects.requireNonNull(app, "app");
        if (rtpStart <= 0 || rtpEnd < rtpStart) {
            throw new IllegalArgumentException("RTP range " + rtpStart + "-" + rtpEnd + " is not a range");
        }
    }

    /** The developer's node of {@code ./linea start}: Asterisk's usual ports. */
    public static NodeSettings dev() {
        return new NodeSettings("dev", "127.0.0.1", 5060, 5061, 8088, 8089, 10000, 10999,
                env("LINEA_ARI_USER", "linea"), env("LINEA_ARI_PASSWORD", "linea-dev"), "linea");
    }

    /**
     * The shared test node: ports that leave a running dev node alone, each overridable with a
     * system property ({@code linea.asterisk.sip-port}, {@code tls-port}, {@code http-port},
     * {@code https-port}, {@code rtp} as {@code START-END}, {@code ari-user}, {@code ari-password}).
     * The password is random per JVM unless set: on a shared machine no other process's ARI client
     * can attach to the test node's Stasis app and take its events.
     */
    public static NodeSettings test() {
        String[] rtp = property("rtp", "30000-30999").split("-", 2);
        return new NodeSettings(property("name", "test"), property("bind", "127.0.0.1"),
                intProperty("sip-port", 25060), intProperty("tls-port", 25061), intProperty("http-port", 28088),
                intProperty("https-port", 28089), Integer.parseInt(rtp[0].trim()), Integer.parseInt(rtp[1].trim()),
                property("ari-user", "linea"), property("ari-password", RANDOM_PASSWORD), property("app", "linea"));
    }

    public NodeSettings withName(String newName) {
        return new NodeSettings(newName, bind, sipPort, tlsPort, httpPort, httpsPort, rtpStart, rtpEnd, ariUser,
                ariPassword, app);
    }

    public NodeSettings withPorts(int newSipPort, int newTlsPort, int newHttpPort, int newHttpsPort,
            int newRtpStart, int newRtpEnd) {
        return new NodeSettings(name, bind, newSipPort, newTlsPort, newHttpPort, newHttpsPort, newRtpStart,
                newRtpEnd, ariUser, ariPassword, app);
    }

    public NodeSettings withAri(String user, String password, String application) {
        return new NodeSettings(name, bind, sipPort, tlsPort, httpPort, httpsPort, rtpStart, rtpEnd, user, password,
                application);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "test-" + HexFormat.of().formatHex(bytes);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String property(String key, String fallback) {
        return System.getProperty("linea.asterisk." + key, fallback);
    }

    private static int intProperty(String key, int fallback) {
        return Integer.parseInt(property(key, Integer.toString(fallback)).trim());
    }
}
