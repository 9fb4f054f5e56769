package org.jasyncio.internal;

import org.jasyncio.Coroutine;

/**
 * The base class of every coroutine object: one frame of a resumable method. Not for user code.
 *
 * <p>The compiler generates, for each {@code @Async} method {@code m} of class {@code Owner}, a
 * subclass {@code Owner$Async$m} that holds the method's receiver, its arguments, an {@code int}
 * state and one typed field per value that must survive a suspension. Its {@link #resume()} calls
 * the rewritten body, which dispatches on the state. The body returns the coroutine's result, or
 * {@link Await#SUSPENDED} when it has suspended, or throws the coroutine's exception.
 *
 * <p>Thread rule: a frame is only ever run on the thread of the event loop of the task that runs it.
 */
public abstract class AsyncFrame<T> extends Coroutine<T> {

    /** Only generated frame classes and the runtime's own coroutines extend this class. */
    protected AsyncFrame() {
    }

    /**
     * Runs the body from its current state until it completes or suspends.
     *
     * @return the result, or {@link Await#SUSPENDED}
     */
    protected abstract Object resume();
}
