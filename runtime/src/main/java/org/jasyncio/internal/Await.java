package org.jasyncio.internal;

/**
 * The entry points that instrumented code calls at each {@code await}. Not for user code.
 */
public final class Await {

    /** Returned by a body, and by {@link #await}, when the frame has suspended. */
    public static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    private Await() {
    }

    /**
     * Awaits {@code awaitable} from {@code frame}: returns its value when it is already complete (or
     * completes without suspending), throws its exception unchanged when it has failed, or returns
     * {@link #SUSPENDED} after arranging for {@code frame}'s task to be resumed when it completes.
     */
    public static Object await(Object awaitable, AsyncFrame<?> frame) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Called by a frame resumed after a suspension: returns the value delivered to it, or throws the
     * exception delivered to it (unchanged).
     */
    public static Object resumed(AsyncFrame<?> frame) {
        throw new UnsupportedOperationException("not yet");
    }
}
