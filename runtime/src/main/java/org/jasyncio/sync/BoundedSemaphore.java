package org.jasyncio.sync;

/**
 * A {@link Semaphore} that refuses to be released more often than it was acquired, as asyncio's
 * {@code BoundedSemaphore}: a release that would raise the available permits past the initial
 * number throws {@link IllegalStateException}, which catches a release without its acquire.
 *
 * <p>Thread rule: loop-thread only.
 */
public class BoundedSemaphore extends Semaphore {

    private final int bound;

    /**
     * A semaphore with {@code permits} permits, never more.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public BoundedSemaphore(int permits) {
        super(permits);
        this.bound = permits;
    }

    /**
     * Gives a permit back, as {@link Semaphore#release()}.
     *
     * @throws IllegalStateException if every one of the initial permits is already available
     */
    @Override
    public void release() {
        if (available() >= bound) {
            throw new IllegalStateException(this + " released more often than acquired (it has " + bound
                    + " permits): release once for each acquire() that returned");
        }
        super.release();
    }
}
