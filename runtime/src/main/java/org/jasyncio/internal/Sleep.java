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
     * Awaited by {@code caller}: suspends the caller's task so that, when the delay has passed, it
     * resumes {@code caller} itself, with this frame already out of the chain.
     */
    Object awaitedBy(AsyncFrame<?> caller) {
        Trampoline<?> driver = caller.driver;
        claim(driver, caller);
        suspended = true;
        return driver.sleep(delay, caller);
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
