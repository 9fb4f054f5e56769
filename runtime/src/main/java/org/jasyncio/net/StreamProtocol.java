package org.jasyncio.net;

import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * The protocol under a stream connection, as asyncio's {@code StreamReaderProtocol} with its flow
 * control: feeds the {@link StreamReader}, holds {@code drain()} while the transport's buffer is
 * above its high-water mark, and, on a server, starts the handler's task once the connection is made.
 *
 * <p>Thread rule: loop-thread only.
 */
final class StreamProtocol implements Protocol {

    private final EventLoop loop;
    private final StreamReader reader;
    private final ConnectionHandler handler;
    private final StreamOptions options;
    /** The tasks waiting in {@code drain()}; made when the first one waits. */
    private List<Future<Void>> drainWaiters;
    /** What {@code waitClosed()} waits for; made when the first waits before the connection is lost. */
    private Future<Void> closed;
    /** Why the connection was lost, once it is; {@code null} if it closed cleanly. */
    private Exception lostWith;
    private StreamWriter writer;
    private Task<Void> handlerTask;
    private boolean writingPaused;
    private boolean lost;

    /** The protocol of a connection; {@code handler} is {@code null} on the client side. */
    StreamProtocol(EventLoop loop, StreamOptions options, ConnectionHandler handler) {
        this.loop = loop;
        this.reader = new StreamReader(loop, options.limit());
        this.handler = handler;
        this.options = options;
    }

    StreamReader reader() {
        return reader;
    }

    StreamWriter writer() {
        return writer;
    }

    /** Whether this is the accepted end of a connection, which plays the server in {@code startTls}. */
    boolean isServerSide() {
        return handler != null;
    }

    @Override
    public void connectionMade(Transport transport) {
        transport.setWriteBufferLimits(options.highWater(), options.lowWater());
        if (writer == null) {
            reader.setTransport(transport);
            writer = new StreamWriter(loop, transport, this);
        } else {
            // startTls: the same streams, over the TLS transport from now on.
            reader.setTransport(transport);
            writer.setTransport(transport);
        }
        if (handler != null && handlerTask == null) {
            startHandler(transport);
        }
    }

    private void startHandler(Transport transport) {
        Coroutine<Void> coroutine;
        try {
            coroutine = handler.handle(reader, writer);
        } catch (Exception e) {
            handlerFailed(transport, e);
            return;
        }
        handlerTask = loop.createTask(coroutine);
        handlerTask.addDoneCallback(done -> {
            if (!done.isCancelled() && done.exception() != null) {
                handlerFailed(transport, done.exception());
            }
        });
    }

    private void handlerFailed(Transport transport, Throwable e) {
        Failures.report(loop, "the connection handler " + handler + " failed on " + transport
                + "; the connection is closed", e);
        writer.transport().close();
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return true;
    }

    @Override
    public void connectionLost(Exception exception) {
        lost = true;
        lostWith = exception;
        if (exception == null) {
            reader.feedEof();
        } else {
            reader.setException(exception);
        }
        wakeDrainWaiters(exception);
        if (closed == null) {
            return;
        }
        if (exception == null) {
            closed.setResult(null);
        } else {
            closed.setException(exception);
            closed.exception(); // whoever waits for the close gets it; nobody has to
        }
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        wakeDrainWaiters(null);
    }

    private void wakeDrainWaiters(Exception exception) {
        if (drainWaiters == null) {
            return;
        }
        for (Future<Void> waiter : drainWaiters) {
            if (!waiter.isDone()) {
                if (exception == null) {
                    waiter.setResult(null);
                } else {
                    waiter.setException(exception);
                }
            }
        }
        drainWaiters.clear();
    }

    /** One turn of {@code drain()}: throws the connection's error, waits while writing is paused. */
    Object drainStep() throws SocketException {
        Exception failure = reader.exception();
        if (failure instanceof SocketException socket) {
            throw socket;
        }
        if (lost) {
            SocketException e = new SocketException("connection lost: " + writer.transport());
            if (failure != null) {
                e.initCause(failure);
            }
            throw e;
        }
        if (!writingPaused) {
            return null;
        }
        Future<Void> waiter = loop.createFuture();
        if (drainWaiters == null) {
            drainWaiters = new ArrayList<>(1);
        }
        drainWaiters.add(waiter);
        return waiter;
    }

    /** One turn of {@code waitClosed()}: the close's outcome once the connection is lost. */
    Object closedStep() throws Exception {
        if (lost) {
            if (lostWith != null) {
                throw lostWith;
            }
            return null;
        }
        if (closed == null) {
            closed = loop.createFuture();
        }
        return closed;
    }
}
