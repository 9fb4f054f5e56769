package org.jasyncio.net;

import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How {@link Streams} opens or serves a connection: TLS, the reader's limit, the listen backlog and
 * the write buffer's marks. Immutable: each {@code with} method returns a copy.
 *
 * <pre>{@code
 * StreamOptions tls = StreamOptions.defaults().withTls(context).withServerName("example.org");
 * }</pre>
 */
public final class StreamOptions {

    private static final StreamOptions DEFAULTS =
            new StreamOptions(null, null, true, 64 * 1024, LoopNet.DEFAULT_BACKLOG, 64 * 1024, 16 * 1024);

    private final SSLContext tls;
    private final String serverName;
    private final boolean hostnameVerification;
    private final int limit;
    private final int backlog;
    private final int highWater;
    private final int lowWater;

    private StreamOptions(SSLContext tls, String serverName, boolean hostnameVerification, int limit, int backlog,
            int highWater, int lowWater) {
        this.tls = tls;
        this.serverName = serverName;
        this.hostnameVerification = hostnameVerification;
        this.limit = limit;
        this.backlog = backlog;
        this.highWater = highWater;
        this.lowWater = lowWater;
    }

    /** No TLS, a 64 KiB reader limit, a backlog of 100, write buffer marks of 64 KiB and 16 KiB. */
    public static StreamOptions defaults() {
        return DEFAULTS;
    }

    /** TLS through {@code context}: the client side when opening, the server side when serving. */
    public StreamOptions withTls(SSLContext context) {
        return new StreamOptions(Objects.requireNonNull(context, "context"), serverName, hostnameVerification, limit,
                backlog, highWater, lowWater);
    }

    /** The name a TLS client sends (SNI) and checks the certificate against; by default the host connected to. */
    public StreamOptions withServerName(String name) {
        return new StreamOptions(tls, Objects.requireNonNull(name, "name"), hostnameVerification, limit, backlog,
                highWater, lowWater);
    }

    /** Whether a TLS client checks the server's certificate names the host; {@code true} by default. */
    public StreamOptions withHostnameVerification(boolean verify) {
        return new StreamOptions(tls, serverName, verify, limit, backlog, highWater, lowWater);
    }

    /**
     * The reader's limit: the longest line or chunk before a separator, and half of what it buffers
     * before reading pauses.
     *
     * @throws IllegalArgumentException unless {@code bytes} is positive
     */
    public StreamOptions withLimit(int bytes) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("reader limit " + bytes + " is invalid: give 1 to " + Integer.MAX_VALUE / 2);
        }
        return new StreamOptions(tls, serverName, hostnameVerification, bytes, backlog, highWater, lowWater);
    }

    /**
     * The listen backlog of a server: how many connections the system queues before they are accepted.
     *
     * @throws IllegalArgumentException unless {@code connections} is positive
     */
    public StreamOptions withBacklog(int connections) {
        if (connections <= 0) {
            throw new IllegalArgumentException("backlog " + connections + " is invalid: give 1 or more");
        }
        return new StreamOptions(tls, serverName, hostnameVerification, limit, connections, highWater, lowWater);
    }

    /**
     * The write buffer's marks: {@code drain()} waits above {@code high} until the buffer is down to {@code low}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}
     */
    public StreamOptions withWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("write buffer limits high=" + high + ", low=" + low
                    + " are invalid: they need 0 <= low <= high");
        }
        return new StreamOptions(tls, serverName, hostnameVerification, limit, backlog, high, low);
    }

    SSLContext tls() {
        return tls;
    }

    int limit() {
        return limit;
    }

    int backlog() {
        return backlog;
    }

    int highWater() {
        return highWater;
    }

    int lowWater() {
        return lowWater;
    }

    /** The TLS settings of a client connecting to {@code host}, or {@code null} without TLS. */
    TlsSettings clientTls(String host) {
        return tls == null ? null : TlsSettings.client(tls, serverName != null ? serverName : host, hostnameVerification);
    }

    /** The TLS settings of a server, or {@code null} without TLS. */
    TlsSettings serverTls() {
        return tls == null ? null : TlsSettings.server(tls);
    }
}
