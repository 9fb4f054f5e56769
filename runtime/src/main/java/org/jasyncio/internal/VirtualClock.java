package org.jasyncio.internal;

/**
 * A clock that stands still until the loop has nothing to do before its next timer, then jumps to
 * that timer's deadline: timing logic runs at full speed, in a deterministic order. For tests (the
 * project's own, and a test framework's virtual time); not for user code.
 *
 * <p>Thread rule: read and advanced only by the thread running the loop.
 */
public final class VirtualClock implements Clock {

    private long now;

    /** A clock at 0 ns, which moves only when the loop advances it. */
    public VirtualClock() {
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public boolean advanceTo(long deadline) {
        now = Math.max(now, deadline);
        return true;
    }
}
