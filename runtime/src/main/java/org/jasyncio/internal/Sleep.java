package org.jasyncio.internal;

import java.time.Duration;

/**
 * The coroutine of {@code Asyncio.sleep}: suspends its task for a delay, without a future. Not for
 * user code.
 *
 * <p>States: on its first resume it arms a timer whose callback is the task's next step (or, for a
 * delay of zero or less, queues that step at once, yielding to the other ready callbacks) and
 * suspends; on its second it returns {@code null}, or throws the {@code CancellationException} of a
 * task cancelled meanwhile, whose timer was cancelled with it.
 */
public final class Sleep extends AsyncFrame<Void> {

    private final Duration delay;
    private boolean suspended;

    /** A sleep of {@code delay}. */
    public Sleep(Duration delay) {
        this.delay = delay;
    }

    @Override
    protected Object resume() {
        if (!suspended) {
            suspended = true;
            return driver.sleep(delay, this);
        }
        return Await.resumed(this);
    }

    @Override
    public String toString() {
        return "sleep(" + delay + ")";
    }
}
