package org.jasyncio.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.util.ArrayDeque;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.internal.Completed;

/**
 * TLS between a socket transport and an application protocol, as asyncio's {@code SSLProtocol}:
 * the protocol of the raw transport (ciphertext in and out through an {@link SSLEngine}) and the
 * transport of the application protocol (plaintext). The application's {@code connectionMade} runs
 * once the handshake is done; a failed handshake completes {@code made} with an
 * {@link SSLHandshakeException} and aborts the connection, without calling the application. On an
 * accepted connection, where nobody awaits the handshake, the failure goes to the loop's exception
 * handler instead (unless the peer closed before sending anything: a bare connect, as a health
 * check makes, is no failed handshake).
 *
 * <p>States: handshaking (application writes are queued), open, closing (close_notify sent).
 * Delegated tasks of the engine (certificate checks) run inline: they compute, they do not wait.
 *
 * <p>Thread rule: loop-thread only.
 */
final class TlsLayer implements Protocol, Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final Protocol app;
    private final EventLoop loop;
    private final Future<Transport> made;
    private final ArrayDeque<ByteBuffer> queued = new ArrayDeque<>();
    private Transport raw;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    /** Records to send; reused, as the raw transport consumes what it is given before write returns. */
    private ByteBuffer netOut;
    private boolean handshakeDone;
    private boolean closing;
    private boolean eofWritten;
    private boolean inboundDone;
    private boolean anythingReceived;
    private boolean handshakeFailureTold;

    /** A layer for {@code app}; {@code made}, if not {@code null}, completes when the handshake is done or fails. */
    TlsLayer(EventLoop loop, SSLEngine engine, Protocol app, Future<Transport> made) {
        this.loop = loop;
        this.engine = engine;
        this.app = app;
        this.made = made;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        this.netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    }

    /** The coroutine of {@code StreamWriter.startTls}: puts a TLS layer under the streams and shakes hands. */
    static Coroutine<Void> upgrade(EventLoop loop, StreamWriter writer, StreamProtocol protocol, SSLContext context) {
        if (!(writer.transport() instanceof SocketTransport raw)) {
            throw new IllegalStateException("startTls on " + writer + ", which runs TLS already");
        }
        SocketAddress peer = raw.remoteAddress();
        TlsSettings settings = protocol.isServerSide() ? TlsSettings.server(context)
                : TlsSettings.client(context, peer instanceof InetSocketAddress inet ? inet.getHostString() : null, true);
        Future<Transport> handshake = loop.createFuture();
        TlsLayer layer = new TlsLayer(loop, settings.newEngine(peer), protocol, handshake);
        raw.setProtocol(layer);
        layer.connectionMade(raw);
        return Then.of("startTls(" + writer + ")", handshake, transport -> new Completed<Void>(null));
    }

    // The raw transport's protocol.

    @Override
    public void connectionMade(Transport transport) {
        raw = transport;
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            failed(e);
            return;
        }
        pump();
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        anythingReceived = true;
        if (netIn.remaining() < data.remaining()) {
            ByteBuffer larger = ByteBuffer.allocate(netIn.position() + data.remaining() + netIn.capacity());
            netIn.flip();
            larger.put(netIn);
            netIn = larger;
        }
        netIn.put(data);
        pump();
    }

    @Override
    public boolean eofReceived() {
        if (!handshakeDone) {
            failed(new SSLHandshakeException("the peer closed the connection during the TLS handshake"));
            return false;
        }
        if (!inboundDone) {
            inboundDone = true;
            app.eofReceived();
        }
        return false;
    }

    @Override
    public void connectionLost(Exception exception) {
        if (!handshakeDone) {
            tellHandshakeFailure(exception instanceof SSLHandshakeException ? exception
                    : handshakeFailure("the connection was lost during the TLS handshake", exception));
            return;
        }
        app.connectionLost(exception);
    }

    @Override
    public void pauseWriting() {
        app.pauseWriting();
    }

    @Override
    public void resumeWriting() {
        app.resumeWriting();
    }

    /** Runs the engine as far as the bytes at hand allow: handshake steps, then decrypting what came in. */
    private void pump() {
        try {
            boolean progress = true;
            while (progress && !raw.isClosing()) {
                HandshakeStatus status = engine.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                        task.run();
                    }
                    continue;
                }
                if (status == HandshakeStatus.NEED_WRAP) {
                    wrap(EMPTY);
                    continue;
                }
                if (status == HandshakeStatus.NOT_HANDSHAKING && !handshakeDone) {
                    handshakeFinished();
                }
                progress = netIn.position() > 0 && unwrap();
            }
        } catch (SSLException e) {
            failed(e);
        }
    }

    private boolean unwrap() throws SSLException {
        netIn.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeFinished();
        }
        switch (result.getStatus()) {
            case BUFFER_OVERFLOW -> {
                ByteBuffer larger = ByteBuffer.allocate(appIn.capacity() + engine.getSession().getApplicationBufferSize());
                appIn.flip();
                appIn = larger.put(appIn);
                return true;
            }
            case BUFFER_UNDERFLOW -> {
                int needed = engine.getSession().getPacketBufferSize();
                if (netIn.capacity() < needed) {
                    ByteBuffer larger = ByteBuffer.allocate(needed);
                    netIn.flip();
                    netIn = larger.put(netIn);
                }
                return false;
            }
            case CLOSED -> {
                deliver();
                if (!inboundDone) {
                    inboundDone = true;
                    if (handshakeDone) {
                        app.eofReceived();
                    }
                }
                if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                    wrap(EMPTY);
                }
                raw.close();
                return false;
            }
            default -> {
                deliver();
                return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            }
        }
    }

    private void deliver() throws SSLException {
        if (appIn.position() == 0) {
            return;
        }
        if (!handshakeDone) {
            handshakeFinished();
        }
        appIn.flip();
        app.dataReceived(appIn);
        appIn.clear();
    }

    /** Encrypts {@code plain} (all of it; nothing for a handshake step) and sends the records. */
    private void wrap(ByteBuffer plain) throws SSLException {
        ByteBuffer out = netOut.clear();
        do {
            SSLEngineResult result = engine.wrap(plain, out);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                out = netOut = ByteBuffer.allocate(out.capacity() * 2);
                continue;
            }
            out.flip();
            if (out.hasRemaining() && !raw.isClosing()) {
                // Once the raw transport closes (the peer's close_notify, a failure), records have nowhere to go.
                raw.write(out);
            }
            out.clear();
            if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                handshakeFinished();
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                return;
            }
        } while (plain.hasRemaining() || engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
    }

    private void handshakeFinished() throws SSLException {
        if (handshakeDone) {
            return;
        }
        handshakeDone = true;
        app.connectionMade(this);
        while (!queued.isEmpty() && !raw.isClosing()) {
            wrap(queued.pollFirst());
        }
        if (made != null && !made.isDone()) {
            made.setResult(this);
        }
    }

    private void failed(SSLException e) {
        SSLException failure = handshakeDone || e instanceof SSLHandshakeException ? e
                : handshakeFailure("TLS handshake failed: " + e.getMessage(), e);
        if (!handshakeDone) {
            tellHandshakeFailure(failure);
        }
        engine.closeOutbound();
        try {
            wrap(EMPTY); // the alert, if the engine has one to send
        } catch (SSLException ignored) {
            // the connection is aborted anyway; the first failure is the one reported
        }
        raw.abort();
    }

    /**
     * Tells whoever awaits the handshake that it failed; on an accepted connection, where nobody
     * does, the loop's exception handler, as the connection is closed without its server's handler
     * or protocol ever hearing of it. Once per connection.
     */
    private void tellHandshakeFailure(Exception failure) {
        if (handshakeFailureTold) {
            return;
        }
        handshakeFailureTold = true;
        if (made != null) {
            if (!made.isDone()) {
                made.setException(failure);
            }
        } else if (anythingReceived) {
            Failures.report(loop, "the TLS handshake with " + raw.remoteAddress() + ", on a connection the server "
                    + "accepted, failed; the connection is closed. The peer may not speak TLS, or may not trust "
                    + "the server's certificate", failure);
        }
    }

    private static SSLHandshakeException handshakeFailure(String message, Exception cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    // The application's transport.

    @Override
    public void write(ByteBuffer data) {
        if (closing || eofWritten) {
            throw new IllegalStateException("write on " + this + " after " + (eofWritten ? "writeEof()" : "close()")
                    + ": write before closing, or check isClosing()");
        }
        if (raw.isClosing() || !data.hasRemaining()) {
            data.position(data.limit());
            return;
        }
        if (!handshakeDone) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            queued.addLast(copy.put(data).flip());
            return;
        }
        try {
            wrap(data);
        } catch (SSLException e) {
            failed(e);
        }
    }

    /** Sends TLS's close_notify: TLS 1.3 lets the peer go on sending. */
    @Override
    public void writeEof() {
        if (closing || eofWritten) {
            return;
        }
        eofWritten = true;
        closeOutbound();
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (!eofWritten) {
            closeOutbound();
        }
        raw.close();
    }

    private void closeOutbound() {
        engine.closeOutbound();
        try {
            wrap(EMPTY);
        } catch (SSLException e) {
            failed(e);
        }
    }

    @Override
    public void abort() {
        closing = true;
        raw.abort();
    }

    @Override
    public void pauseReading() {
        raw.pauseReading();
    }

    @Override
    public void resumeReading() {
        raw.resumeReading();
    }

    @Override
    public int writeBufferSize() {
        return raw.writeBufferSize();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        raw.setWriteBufferLimits(high, low);
    }

    @Override
    public boolean isClosing() {
        return closing || raw.isClosing();
    }

    @Override
    public NetworkChannel channel() {
        return raw.channel();
    }

    @Override
    public SocketAddress localAddress() {
        return raw.localAddress();
    }

    @Override
    public SocketAddress remoteAddress() {
        return raw.remoteAddress();
    }

    @Override
    public String toString() {
        return "TlsTransport[" + raw + "]";
    }
}
