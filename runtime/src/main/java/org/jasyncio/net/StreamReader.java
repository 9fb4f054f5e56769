package org.jasyncio.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The reading end of a stream connection, as asyncio's {@code StreamReader}: buffers what arrives
 * and gives it out by count, by line or up to a separator.
 *
 * <p>Flow control: while the reader holds more than twice its limit (64 KiB by default, set with
 * {@code StreamOptions.withLimit}), the transport stops reading; it reads again once a read has
 * brought the buffer down to the limit or waits for more.
 *
 * <p>After the connection broke, every read throws what broke it (a
 * {@link java.net.SocketException} for a reset), as asyncio's do. One coroutine at a time may wait
 * for data; a second gets {@link IllegalStateException}.
 *
 * <p>Thread rule: loop-thread only.
 */
public final class StreamReader {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    private final EventLoop loop;
    private final int limit;
    /** Allocated when the first bytes arrive: an idle connection holds none. */
    private byte[] buffer = EMPTY;
    private int start;
    private int end;
    private boolean eof;
    private Exception exception;
    private Transport transport;
    private boolean paused;
    private Future<Void> waiter;

    StreamReader(EventLoop loop, int limit) {
        this.loop = loop;
        this.limit = limit;
    }

    /**
     * A coroutine that reads up to {@code n} bytes once some are there: fewer when fewer arrived,
     * empty at the end of the stream or when {@code n} is 0; with {@code n == -1}, everything until
     * the end of the stream.
     */
    public Coroutine<byte[]> read(int n) throws IOException {
        if (n < -1) {
            throw new IllegalArgumentException("read(" + n + "): n must be -1 (until the end), 0 or more");
        }
        return Poll.of("read", n, () -> {
            checkFailed();
            if (n == 0) {
                return EMPTY;
            }
            if (n < 0 ? !eof : size() == 0 && !eof) {
                return waitForData("read");
            }
            return take(n < 0 ? size() : Math.min(n, size()));
        });
    }

    /**
     * A coroutine that reads a line, through its {@code \n}; at the end of the stream, what is left
     * (empty when nothing is). A line longer than the limit is dropped and
     * {@link LimitOverrunException} thrown, as asyncio's {@code readline} does.
     */
    public Coroutine<byte[]> readLine() throws IOException {
        return Poll.of("readLine()", () -> {
            try {
                return untilStep(NEWLINE, "readLine", true);
            } catch (LimitOverrunException e) {
                int separator = indexOf(NEWLINE);
                take(separator >= 0 ? separator - start + 1 : size());
                throw e;
            }
        });
    }

    /**
     * A coroutine that reads exactly {@code n} bytes.
     *
     * @throws IncompleteReadException when awaited, if the stream ends first (with what was read)
     */
    public Coroutine<byte[]> readExactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly(" + n + "): n must be 0 or more");
        }
        return Poll.of("readExactly", n, () -> {
            checkFailed();
            if (size() >= n) {
                return take(n);
            }
            if (eof) {
                throw new IncompleteReadException(take(size()), n, "expected " + n);
            }
            return waitForData("readExactly");
        });
    }

    /**
     * A coroutine that reads through the first {@code separator}.
     *
     * @throws LimitOverrunException when awaited, if no separator comes within the limit (the bytes stay)
     * @throws IncompleteReadException when awaited, if the stream ends first (with what was read)
     */
    public Coroutine<byte[]> readUntil(byte[] separator) throws IOException {
        if (separator.length == 0) {
            throw new IllegalArgumentException("readUntil: the separator is empty; give at least one byte");
        }
        byte[] copy = separator.clone();
        return Poll.of("readUntil(" + copy.length + " bytes)", () -> untilStep(copy, "readUntil", false));
    }

    /** Whether the stream has ended and every byte was read. */
    public boolean atEof() {
        return eof && size() == 0;
    }

    /** One turn of a read through {@code separator}; at the end of the stream, the rest or {@link IncompleteReadException}. */
    private Object untilStep(byte[] separator, String operation, boolean restAtEof) throws IOException {
        checkFailed();
        int found = indexOf(separator);
        if (found >= 0) {
            int length = found - start + separator.length;
            if (found - start > limit) {
                throw new LimitOverrunException(operation + ": separator found after " + (found - start)
                        + " bytes, past the limit of " + limit + " (raise it with StreamOptions.withLimit)", found - start);
            }
            return take(length);
        }
        if (size() - separator.length + 1 > limit) {
            throw new LimitOverrunException(operation + ": no separator in the first " + size()
                    + " bytes, past the limit of " + limit + " (raise it with StreamOptions.withLimit)", size());
        }
        if (eof) {
            if (restAtEof) {
                return take(size());
            }
            throw new IncompleteReadException(take(size()), -1, "before the separator");
        }
        return waitForData(operation);
    }

    /** The transport to pause and resume; set when the connection is made. */
    void setTransport(Transport transport) {
        this.transport = transport;
    }

    void feedData(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        if (end + n > buffer.length) {
            int size = size();
            byte[] target = size + n > buffer.length ? new byte[Math.max(buffer.length * 2, size + n)] : buffer;
            System.arraycopy(buffer, start, target, 0, size);
            buffer = target;
            start = 0;
            end = size;
        }
        data.get(buffer, end, n);
        end += n;
        wakeWaiter();
        if (transport != null && !paused && size() > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    void feedEof() {
        eof = true;
        wakeWaiter();
    }

    /** What broke the connection: every read throws it from now on. */
    void setException(Exception failure) {
        exception = failure;
        Future<Void> waiting = waiter;
        waiter = null;
        if (waiting != null && !waiting.isDone()) {
            waiting.setException(failure);
        }
    }

    /** What broke the connection, or {@code null}. */
    Exception exception() {
        return exception;
    }

    /** How many bytes wait to be read: for tests. */
    int buffered() {
        return size();
    }

    private int size() {
        return end - start;
    }

    private void checkFailed() throws IOException {
        if (exception instanceof IOException io) {
            throw io;
        }
        if (exception != null) {
            throw new IOException("the connection failed: " + exception, exception);
        }
    }

    private Future<Void> waitForData(String operation) {
        if (waiter != null && !waiter.isDone()) {
            throw new IllegalStateException(operation + " called while another coroutine is already waiting for"
                    + " data on this reader: read from one task at a time");
        }
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        waiter = loop.createFuture();
        return waiter;
    }

    private void wakeWaiter() {
        Future<Void> waiting = waiter;
        waiter = null;
        if (waiting != null && !waiting.isDone()) {
            waiting.setResult(null);
        }
    }

    private byte[] take(int n) {
        byte[] taken = Arrays.copyOfRange(buffer, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (paused && size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
        return taken;
    }

    private int indexOf(byte[] separator) {
        outer:
        for (int i = start, last = end - separator.length; i <= last; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (buffer[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "StreamReader[" + size() + " bytes" + (eof ? ", eof" : "") + (paused ? ", paused" : "")
                + (exception != null ? ", " + exception : "") + "]";
    }
}
