package org.jasyncio.net;

import java.io.IOException;
import java.nio.channels.SelectableChannel;

import org.jasyncio.EventLoop;
import org.jasyncio.internal.IoSelector;

/**
 * What the stream and datagram transports share: their channel, tracked by the loop until the
 * connection is lost (so that closing the loop closes it), and the way they close: gracefully,
 * once the write queue is sent, or at once; either way the protocol's {@code connectionLost} runs
 * once, in a later iteration, and the channel is closed after it.
 *
 * <p>Thread rule: loop-thread only.
 */
abstract class ChannelTransport {

    final EventLoop loop;
    final IoSelector io;
    private final SelectableChannel channel;
    private final AutoCloseable closeWithLoop;
    /** Closing or closed: reading has stopped and {@code connectionLost} is or will be scheduled. */
    boolean closing;
    private boolean lostScheduled;
    private Exception lostWith;

    ChannelTransport(EventLoop loop, SelectableChannel channel) {
        this.loop = loop;
        this.io = IoSelector.of(loop);
        this.channel = channel;
        this.closeWithLoop = channel;
        io.track(closeWithLoop);
    }

    /** Tells the protocol the connection is lost, with {@code exception} or {@code null}. */
    abstract void notifyLost(Exception exception);

    /** Called once the channel is closed, after {@link #notifyLost}. */
    void released() {
    }

    /** Stops reading; {@code connectionLost(null)} follows once the write queue is empty. Idempotent. */
    final void closeGracefully(boolean nothingQueued) {
        if (closing) {
            return;
        }
        closing = true;
        io.removeReader(channel);
        if (nothingQueued) {
            scheduleLost(null);
        }
    }

    /** Stops reading and writing at once (the caller drops its queue); {@code connectionLost(exception)} follows. */
    final void closeNow(Exception exception) {
        if (lostScheduled) {
            return;
        }
        closing = true;
        io.removeReader(channel);
        io.removeWriter(channel);
        scheduleLost(exception);
    }

    /** Schedules {@code connectionLost(exception)}, then the channel's closing, unless they are already. */
    final void scheduleLost(Exception exception) {
        if (lostScheduled) {
            return;
        }
        lostScheduled = true;
        lostWith = exception;
        loop.callSoon(this::lost);
    }

    private void lost() {
        try {
            notifyLost(lostWith);
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                Failures.report(loop, "cannot close " + this, e);
            }
            io.untrack(closeWithLoop);
            released();
        }
    }
}
