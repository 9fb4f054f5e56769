package org.jasyncio.internal;

/**
 * The time source of an event loop. Not for user code.
 *
 * <p>The loop reads {@link #nanoTime()} to order and fire its timers. When it has nothing to do until
 * its earliest timer, it first offers the clock the chance to {@link #advanceTo advance} there: the
 * {@link #SYSTEM} clock declines and the loop waits in real time; a virtual clock used in tests jumps
 * straight to the deadline, so timing logic runs without real sleeps.
 *
 * <p>Thread rule: called only by the thread running the loop.
 */
public interface Clock {

    /** The monotonic system clock, {@link System#nanoTime()}; never advanced by the loop. */
    Clock SYSTEM = System::nanoTime;

    /** Monotonic nanoseconds since an arbitrary origin. */
    long nanoTime();

    /**
     * Called when the loop would otherwise wait until {@code deadline} (in this clock's nanoseconds).
     *
     * @return whether the clock now reads {@code deadline} or later, so that the loop must not wait
     */
    default boolean advanceTo(long deadline) {
        return false;
    }
}
