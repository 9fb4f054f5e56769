package org.jasyncio.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jasyncio.EventLoop;

/**
 * The I/O side of one event loop: its {@link Selector}, the reader and writer callbacks registered
 * on channels, the transports and servers to close with the loop, and the one read buffer its
 * transports share. Not for user code.
 *
 * <p>A channel has at most one reader and one writer; each is a callback the loop queues, as
 * asyncio's {@code _process_events} does, in the iteration whose select found the channel ready.
 * Readiness is level-triggered: a callback that leaves data unread is queued again next iteration.
 * A channel keeps its selection key while it has a reader or a writer; removing the last cancels
 * the key, and a channel added again before the next select has its cancelled key flushed first.
 * "Writable" means {@code OP_CONNECT} for a socket whose connection is pending, {@code OP_WRITE}
 * otherwise; "readable" {@code OP_ACCEPT} for a server socket, {@code OP_READ} otherwise.
 *
 * <p>Thread rule: loop-thread only, except {@link #wakeup()}.
 */
public final class IoSelector {

    /** How many bytes one read of a transport takes at most. */
    public static final int READ_BUFFER_SIZE = 64 * 1024;

    private static volatile Function<EventLoop, IoSelector> accessor;

    private final Selector selector;
    /** Whether the last select found ready keys, which the next {@link #dispatch} queues. */
    private boolean found;
    private final Set<AutoCloseable> resources = new LinkedHashSet<>();
    private ByteBuffer readBuffer;

    /** Opens the selector of a new loop. */
    public IoSelector() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
    }

    /** The I/O side of {@code loop}. */
    public static IoSelector of(EventLoop loop) {
        return accessor.apply(Objects.requireNonNull(loop, "loop"));
    }

    /** Called once, by {@code EventLoop}'s static initialiser. */
    public static void install(Function<EventLoop, IoSelector> loopAccessor) {
        if (accessor != null) {
            throw new IllegalStateException("the I/O accessor is installed already");
        }
        accessor = loopAccessor;
    }

    /** Whether any channel is registered: only then is a non-blocking poll worth its system call. */
    public boolean hasChannels() {
        return !selector.keys().isEmpty();
    }

    /** Waits at most {@code millis} (0: no limit, negative: not at all) for a channel or a wakeup. */
    public void select(long millis) throws IOException {
        found = (millis < 0 ? selector.selectNow() : selector.select(millis)) > 0;
    }

    /** Makes a thread blocked in {@link #select} return. Any thread. */
    public void wakeup() {
        selector.wakeup();
    }

    /** Queues the callbacks of the channels the last select found ready, readers first per channel. */
    public void dispatch(Deque<Object> ready) {
        // Every dispatch empties the selected set, so only a select that found keys leaves any there.
        if (!found) {
            return;
        }
        found = false;
        Set<SelectionKey> selected = selector.selectedKeys();
        for (Iterator<SelectionKey> keys = selected.iterator(); keys.hasNext(); ) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            Handlers handlers = (Handlers) key.attachment();
            int readyOps = key.readyOps();
            if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && handlers.reader != null) {
                ready.addLast(handlers.readEvent);
            }
            if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && handlers.writer != null) {
                ready.addLast(handlers.writeEvent);
            }
        }
    }

    /** Makes {@code callback} the reader of {@code channel}, replacing any; puts it in non-blocking mode. */
    public void addReader(SelectableChannel channel, Runnable callback) {
        handlers(channel).reader = Objects.requireNonNull(callback, "callback");
        updateInterest(channel);
    }

    /** Makes {@code callback} the writer of {@code channel}, replacing any; puts it in non-blocking mode. */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        handlers(channel).writer = Objects.requireNonNull(callback, "callback");
        updateInterest(channel);
    }

    /** Removes the reader of {@code channel}; whether there was one. */
    public boolean removeReader(SelectableChannel channel) {
        return remove(channel, false);
    }

    /** Removes the writer of {@code channel}; whether there was one. */
    public boolean removeWriter(SelectableChannel channel) {
        return remove(channel, true);
    }

    private boolean remove(SelectableChannel channel, boolean writer) {
        Handlers handlers = registered(channel);
        if (handlers == null || (writer ? handlers.writer : handlers.reader) == null) {
            return false;
        }
        if (writer) {
            handlers.writer = null;
        } else {
            handlers.reader = null;
        }
        updateInterest(channel);
        return true;
    }

    /** The interest set of {@code channel}'s key, or -1 if it has none: for tests. */
    public int interestOps(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key == null || !key.isValid() ? -1 : key.interestOps();
    }

    /** The number of channels registered, cancelled keys not yet flushed included: for tests. */
    public int registeredChannels() {
        return selector.keys().size();
    }

    /** The buffer every transport of the loop reads into; valid until the next read. */
    public ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
        }
        return readBuffer.clear();
    }

    /** Makes {@code resource} (a transport or server) one to close when the loop closes. */
    public void track(AutoCloseable resource) {
        resources.add(resource);
    }

    /** Forgets {@code resource}, closed on its own. */
    public void untrack(AutoCloseable resource) {
        resources.remove(resource);
    }

    /** The resources still tracked: for tests. */
    public int trackedResources() {
        return resources.size();
    }

    /**
     * Closes what is still tracked, without callbacks (the loop is closing), then the selector. The
     * first failure is thrown once everything was tried.
     */
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable resource : new ArrayList<>(resources)) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new UncheckedIOException(new IOException("cannot close " + resource + " with its loop", e));
                }
            }
        }
        resources.clear();
        try {
            selector.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = new UncheckedIOException("cannot close the event loop's selector", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Handlers registered(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key == null || !key.isValid() ? null : (Handlers) key.attachment();
    }

    private Handlers handlers(SelectableChannel channel) {
        Objects.requireNonNull(channel, "channel");
        Handlers handlers = registered(channel);
        if (handlers != null) {
            return handlers;
        }
        try {
            if (channel.keyFor(selector) != null) {
                // A key cancelled since the last select is still there: flush it, then register anew.
                selector.selectNow();
            }
            channel.configureBlocking(false);
            handlers = new Handlers();
            channel.register(selector, 0, handlers);
            return handlers;
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("cannot watch " + channel + ": the channel is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register " + channel + " with the event loop's selector", e);
        }
    }

    private void updateInterest(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        Handlers handlers = (Handlers) key.attachment();
        if (handlers.reader == null && handlers.writer == null) {
            key.cancel();
            return;
        }
        int valid = channel.validOps();
        int ops = 0;
        if (handlers.reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (handlers.writer != null) {
            boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
            ops |= connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
        }
        try {
            key.interestOps(ops);
        } catch (CancelledKeyException e) {
            throw new IllegalArgumentException("cannot watch " + channel + ": the channel is closed", e);
        }
    }

    /** The callbacks of one channel, and the events that run them if they are still registered. */
    private static final class Handlers {
        Runnable reader;
        Runnable writer;
        final Runnable readEvent = () -> {
            Runnable callback = reader;
            if (callback != null) {
                callback.run();
            }
        };
        final Runnable writeEvent = () -> {
            Runnable callback = writer;
            if (callback != null) {
                callback.run();
            }
        };
    }
}
