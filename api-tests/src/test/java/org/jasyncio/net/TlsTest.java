package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.waitFor;
import static org.jasyncio.net.StreamsTest.bytes;
import static org.jasyncio.net.StreamsTest.port;
import static org.jasyncio.net.StreamsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.ErrorContext;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS over streams, with a self-signed certificate for "localhost" made by keytool when the tests start. */
class TlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    static SSLContext serverContext;
    static SSLContext clientContext;

    @BeforeAll
    static void makeCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        clientContext = SSLContext.getInstance("TLSv1.3");
        clientContext.init(null, trustManagers.getTrustManagers(), null);
    }

    @Async
    Coroutine<String> echoOverTls(StreamOptions clientOptions) throws IOException {
        Server server = await(Streams.startServer(StreamsTest::echo, "127.0.0.1", 0,
                StreamOptions.defaults().withTls(serverContext)));
        try {
            Connection connection = await(Streams.openConnection("localhost", port(server), clientOptions));
            assertTrue(connection.writer().transport() instanceof TlsLayer);
            connection.writer().write(bytes("secret\n"));
            await(connection.writer().drain());
            String line = text(await(connection.reader().readLine()));
            connection.writer().close();
            await(connection.writer().waitClosed());
            return completed(line);
        } finally {
            server.close();
        }
    }

    @Test
    void handshake_succeeds_andDataFlows() throws Exception {
        assertEquals("secret\n", Asyncio.run(echoOverTls(StreamOptions.defaults().withTls(clientContext))));
    }

    @Test
    void hostnameMismatch_failsTheHandshakeAtTheAwait() throws Exception {
        StreamOptions wrongName = StreamOptions.defaults().withTls(clientContext).withServerName("wrong.example");
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> Asyncio.run(echoOverTls(wrongName)));
        assertTrue(String.valueOf(e.getMessage()).contains("wrong.example")
                || String.valueOf(e.getCause()).contains("wrong.example"), String.valueOf(e));
    }

    @Test
    void hostnameVerificationOff_acceptsTheWrongName() throws Exception {
        StreamOptions unchecked = StreamOptions.defaults().withTls(clientContext).withServerName("wrong.example")
                .withHostnameVerification(false);
        assertEquals("secret\n", Asyncio.run(echoOverTls(unchecked)));
    }

    @Test
    void clientSendsTheServerName() {
        SSLEngine engine = TlsSettings.client(clientContext, "example.org", true)
                .newEngine(new java.net.InetSocketAddress("127.0.0.1", 443));
        assertEquals("HTTPS", engine.getSSLParameters().getEndpointIdentificationAlgorithm());
        assertEquals(List.of(new javax.net.ssl.SNIHostName("example.org")), engine.getSSLParameters().getServerNames());
    }

    private final Events events = new Events();
    private final List<ErrorContext> reported = new ArrayList<>();
    private String clientAddress;

    @Async
    Coroutine<Void> recordingEcho(StreamReader reader, StreamWriter writer) throws IOException {
        events.add("handler called");
        return StreamsTest.echo(reader, writer);
    }

    /**
     * Starts a TLS server whose loop records what reaches its exception handler, lets {@code client}
     * connect to its port, waits for the first report, then closes the server and waits until its
     * connections are closed too.
     */
    @Async
    Coroutine<Void> failedHandshakeOnTheServer(Client client) throws IOException, TimeoutException {
        EventLoop loop = Asyncio.getRunningLoop();
        Future<Void> firstReport = loop.createFuture();
        loop.setExceptionHandler((on, context) -> {
            reported.add(context);
            if (!firstReport.isDone()) {
                firstReport.setResult(null);
            }
        });
        Server server = await(Streams.startServer(this::recordingEcho, "127.0.0.1", 0,
                StreamOptions.defaults().withTls(serverContext)));
        await(client.connect(port(server)));
        await(waitFor(firstReport, Duration.ofSeconds(5)));
        events.add("reported");
        server.close();
        await(server.waitClosed());
        events.add("server and connections closed");
        return completed();
    }

    /** The client side of a failing handshake. */
    @FunctionalInterface
    interface Client {
        Coroutine<Void> connect(int port) throws IOException;
    }

    /** Speaks plain HTTP to the TLS server, and reads until the server closes the connection. */
    @Async
    Coroutine<Void> plainTextClient(int port) throws IOException {
        Connection connection = await(Streams.openConnection("127.0.0.1", port));
        clientAddress = String.valueOf(connection.writer().localAddress());
        connection.writer().write(bytes("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        try {
            await(connection.reader().read(-1));
        } catch (SocketException reset) {
            // closed either way
        }
        events.add("client sees the connection closed");
        return completed();
    }

    @Test
    void handshakeFailingOnTheServer_isReportedToTheLoopsExceptionHandler_andClosesTheConnection() throws Exception {
        Asyncio.run(failedHandshakeOnTheServer(this::plainTextClient));

        assertEquals(1, reported.size(), reported.toString());
        ErrorContext context = reported.get(0);
        assertTrue(context.exception() instanceof SSLHandshakeException, String.valueOf(context.exception()));
        assertTrue(context.message().contains(clientAddress), context.message() + " should name the client " + clientAddress);
        events.assertOrder("client sees the connection closed", "reported", "server and connections closed");
    }

    /** Connects with the JDK's default trust store, which does not trust the test's certificate. */
    @Async
    Coroutine<Void> untrustingClient(int port) throws IOException {
        SSLContext untrusting;
        try {
            untrusting = SSLContext.getInstance("TLSv1.3");
            untrusting.init(null, null, null);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        try {
            await(Streams.openConnection("localhost", port, StreamOptions.defaults().withTls(untrusting)));
        } catch (SSLHandshakeException e) {
            events.add("client failed");
        }
        return completed();
    }

    @Test
    void clientThatDoesNotTrustTheServer_failsAtItsAwait_andTheServerReportsItsSide() throws Exception {
        Asyncio.run(failedHandshakeOnTheServer(this::untrustingClient));

        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).exception() instanceof SSLHandshakeException, String.valueOf(reported.get(0)));
        events.assertOrder("client failed", "reported", "server and connections closed");
    }

    /** Agrees to STARTTLS, upgrades, then echoes. */
    @Async
    static Coroutine<Void> startTlsServer(StreamReader reader, StreamWriter writer) throws IOException {
        assertEquals("STARTTLS\n", text(await(reader.readLine())));
        writer.write(bytes("GO\n"));
        await(writer.startTls(serverContext));
        await(StreamsTest.echo(reader, writer));
        return completed();
    }

    @Async
    Coroutine<String> upgrade() throws IOException {
        Server server = await(Streams.startServer(TlsTest::startTlsServer, "localhost", 0));
        try {
            Connection connection = await(Streams.openConnection("localhost", port(server)));
            connection.writer().write(bytes("STARTTLS\n"));
            assertEquals("GO\n", text(await(connection.reader().readLine())));
            await(connection.writer().startTls(clientContext));
            assertTrue(connection.writer().transport() instanceof TlsLayer);
            connection.writer().write(bytes("now encrypted\n"));
            String line = text(await(connection.reader().readLine()));
            connection.writer().close();
            return completed(line);
        } finally {
            server.close();
        }
    }

    @Test
    void startTls_upgradesAnOpenConnection() throws Exception {
        assertEquals("now encrypted\n", Asyncio.run(upgrade()));
    }
}
