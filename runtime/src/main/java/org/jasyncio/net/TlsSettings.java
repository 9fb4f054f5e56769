package org.jasyncio.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The TLS side of one end of a connection: the context, which side it plays, and for a client the
 * name it sends (SNI) and checks the server's certificate against ({@code HTTPS} endpoint
 * identification, on by default).
 */
final class TlsSettings {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final SSLContext context;
    private final boolean client;
    private final String serverName;
    private final boolean verifyHostname;

    private TlsSettings(SSLContext context, boolean client, String serverName, boolean verifyHostname) {
        this.context = context;
        this.client = client;
        this.serverName = serverName;
        this.verifyHostname = verifyHostname;
    }

    static TlsSettings client(SSLContext context, String serverName, boolean verifyHostname) {
        return new TlsSettings(context, true, serverName, verifyHostname);
    }

    static TlsSettings server(SSLContext context) {
        return new TlsSettings(context, false, null, false);
    }

    /** A new engine for a connection to or from {@code peer}. */
    SSLEngine newEngine(SocketAddress peer) {
        int port = peer instanceof InetSocketAddress inet ? inet.getPort() : -1;
        SSLEngine engine = client && serverName != null ? context.createSSLEngine(serverName, port) : context.createSSLEngine();
        engine.setUseClientMode(client);
        if (client) {
            SSLParameters parameters = engine.getSSLParameters();
            if (verifyHostname) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (serverName != null && !IP_LITERAL.matcher(serverName).matches()) {
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
            }
            engine.setSSLParameters(parameters);
        }
        return engine;
    }
}
