package org.jasyncio.net;

import java.nio.channels.SelectableChannel;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * A future completed when a channel is next readable (or writable): the reader or writer it
 * registers is removed when it completes, and when it is cancelled, so a task cancelled while it
 * waits leaves no registration behind.
 *
 * <p>Thread rule: loop-thread only.
 */
final class Readiness extends Future<Void> {

    private final EventLoop loop;
    private final SelectableChannel channel;
    private final boolean write;

    private Readiness(EventLoop loop, SelectableChannel channel, boolean write) {
        super(loop);
        this.loop = loop;
        this.channel = channel;
        this.write = write;
    }

    /** A future completed when {@code channel} is next readable. */
    static Readiness readable(EventLoop loop, SelectableChannel channel) {
        Readiness readiness = new Readiness(loop, channel, false);
        loop.addReader(channel, readiness::ready);
        return readiness;
    }

    /** A future completed when {@code channel} is next writable, or its pending connection is established or has failed. */
    static Readiness writable(EventLoop loop, SelectableChannel channel) {
        Readiness readiness = new Readiness(loop, channel, true);
        loop.addWriter(channel, readiness::ready);
        return readiness;
    }

    @Override
    public boolean cancel(String message) {
        unregister();
        return super.cancel(message);
    }

    private void ready() {
        unregister();
        if (!isDone()) {
            setResult(null);
        }
    }

    private void unregister() {
        if (write) {
            loop.removeWriter(channel);
        } else {
            loop.removeReader(channel);
        }
    }

    @Override
    public String toString() {
        return "Readiness[" + (write ? "writable " : "readable ") + channel + ", " + super.toString() + "]";
    }
}
