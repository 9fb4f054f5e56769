package org.jasyncio;

/**
 * A callback scheduled by {@link EventLoop#callLater} to run at a deadline, as asyncio's
 * {@code TimerHandle}.
 *
 * <p>States: <em>scheduled</em>, then either <em>fired</em> (its callback ran) or <em>cancelled</em>
 * (it never will). Cancelling a fired timer changes nothing but {@link #isCancelled()}.
 *
 * <p>Thread rule: loop-thread only.
 */
public final class TimerHandle {

    final EventLoop loop;
    final long deadline;
    final Runnable callback;
    /** Whether it is in the loop's timers: scheduled and not yet due. */
    boolean queued;
    private boolean cancelled;

    TimerHandle(EventLoop loop, long deadline, Runnable callback) {
        this.loop = loop;
        this.deadline = deadline;
        this.callback = callback;
    }

    /** Prevents the callback from running, if it has not run yet. Loop thread only. */
    public void cancel() {
        loop.checkThread("TimerHandle.cancel");
        if (!cancelled) {
            cancelled = true;
            if (queued) {
                loop.timerCancelled();
            }
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** The deadline, on the loop's clock ({@link EventLoop#time()}), in nanoseconds. */
    public long when() {
        return deadline;
    }

    /** Runs the callback unless the timer was cancelled after it fell due. */
    void fire() {
        if (!cancelled) {
            callback.run();
        }
    }

    @Override
    public String toString() {
        return "TimerHandle[when=" + deadline + (cancelled ? ", cancelled]" : "]");
    }
}
