package org.jasyncio.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.jasyncio.Future;

/**
 * The entry points that instrumented code calls at each {@code await}. Not for user code.
 *
 * <p>At an {@code await} a generated body calls {@link #await}; if that returns {@link #SUSPENDED}
 * the body saves its live values in its frame, records where to continue and returns
 * {@code SUSPENDED} itself. When the task resumes the frame there, the body calls {@link #resumed}
 * for the awaited value. Everything else about tasks and scheduling stays behind these three names.
 *
 * <p>Thread rule: called only on the loop thread of the task that runs the frame.
 */
public final class Await {

    /** Returned by a body, and by {@link #await}, when the frame has suspended. */
    public static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /**
     * The class of {@link CompletableFuture#minimalCompletionStage()}'s stages: a
     * {@code CompletableFuture} whose own methods throw {@link UnsupportedOperationException}, so
     * only its {@code CompletionStage} methods, {@code toCompletableFuture()} among them, may be used.
     */
    private static final Class<?> MINIMAL_STAGE = new CompletableFuture<>().minimalCompletionStage().getClass();

    private Await() {
    }

    /**
     * Awaits {@code awaitable} from {@code frame}: returns its value when it is already complete (or
     * completes without suspending), throws its exception unchanged when it has failed, or returns
     * {@link #SUSPENDED} after arranging for {@code frame}'s task to be resumed when it completes.
     *
     * <p>A coroutine runs inline, in the same task. A {@code Future} or {@code Task} that is already
     * done, or a {@code CompletableFuture} that is, is read without suspending, allocating or touching
     * the event loop. A minimal stage ({@link CompletableFuture#minimalCompletionStage()}) is read
     * through its {@code toCompletableFuture()} copy; any other stage only through
     * {@code whenComplete}, so a completed one suspends its task for one turn of the loop.
     *
     * @throws NullPointerException if {@code awaitable} is {@code null}
     * @throws IllegalArgumentException if it is not a coroutine, future, task or completion stage
     * @throws IllegalStateException if it is a coroutine awaited before, or the awaiting task itself
     */
    public static Object await(Object awaitable, AsyncFrame<?> frame) {
        if (awaitable instanceof Sleep sleep) {
            return sleep.awaitedBy(frame);
        }
        if (awaitable instanceof AsyncFrame<?> callee) {
            return frame.driver.call(callee, frame);
        }
        if (awaitable instanceof Future<?> future) {
            return future.isDone() ? future.result() : frame.driver.waitFor(future, frame);
        }
        if (awaitable instanceof CompletableFuture<?> completable) {
            CompletableFuture<?> readable = completable.getClass() == MINIMAL_STAGE
                    ? completable.toCompletableFuture() : completable;
            if (readable.isDone()) {
                return join(readable);
            }
        }
        if (awaitable instanceof CompletionStage<?> stage) {
            return frame.driver.waitFor(stage, frame);
        }
        if (awaitable == null) {
            throw new NullPointerException("await(null) in " + frame + ": the awaited value is null");
        }
        throw new IllegalArgumentException("await(" + awaitable.getClass().getName() + ") in " + frame
                + ": only a Coroutine, Task, Future or java.util.concurrent.CompletionStage can be awaited");
    }

    /**
     * Called by a frame resumed after a suspension: returns the value delivered to it, or throws the
     * exception delivered to it (unchanged).
     */
    public static Object resumed(AsyncFrame<?> frame) {
        return frame.driver.takeDelivered();
    }

    private static Object join(CompletableFuture<?> completable) {
        try {
            return completable.join();
        } catch (CompletionException e) {
            throw Throwing.sneaky(Trampoline.unwrap(e));
        }
    }
}
