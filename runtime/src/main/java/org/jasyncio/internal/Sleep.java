package org.jasyncio.internal;

import java.time.Duration;

/**
 * The coroutine of {@code Asyncio.sleep}: suspends its task for a delay, without a future. Not for
 * user code.
 *
 * <p>Awaited, as it nearly always is, it never runs as a frame: it arms a timer whose callback is the
 * task's next step (or, for a delay of zero or less, queues that step at once, yielding to the other
 * ready callbacks) and suspends the awaiting frame, which the task then resumes with {@code null}, or
 * with the {@code CancellationException} of a task cancelled meanwhile, whose timer was cancelled
 * with it. Run as a task of its own, it does the same in two resumes: the first arms the timer, the
 * second returns or throws.
 */
public final class Sleep extends AsyncFrame<Void> {

    private final Duration delay;
    private boolean suspended;

    /** A sleep of {@code delay}. */
    public Sleep(Duration delay) {
        this.delay = delay;
    }

    /**
     * Awaited in {@code task}: suspends it so that, when the delay has passed, it resumes the awaiting
     * frame itself, with this frame never in the chain.
     */
    Object awaitedBy(Trampoline<?> task) {
        claim(task, null);
        suspended = true;
        return task.sleep(delay);
    }

    @Override
    protected Object resume() {
        if (!suspended) {
            suspended = true;
            driver.sleep(delay);
            driver.linkSuspended(this);
            return Await.SUSPENDED;
        }
        return Await.resumed(this);
    }

    @Override
    public String toString() {
        return "sleep(" + delay + ")";
    }
}
