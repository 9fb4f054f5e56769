package org.jasyncio.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.jasyncio.Future;

/**
 * The entry points that instrumented code calls at each {@code await}. Not for user code.
 *
 * <p>A generated body is given its task, and its frame only when it is resumed: a coroutine awaited
 * straight from the call of its {@code @Async} method runs through the method's direct entry, with no
 * frame ({@link DirectCalls}). At an {@code await} the body calls {@link #await}; if that returns
 * {@link #SUSPENDED} the body makes its frame if it has none, saves its live values there, records
 * where to continue, links the frame ({@link #linkSuspended}) and returns {@code SUSPENDED} itself.
 * When the task resumes the frame there, the body calls {@link #resumed} for the awaited value.
 * Everything else about tasks and scheduling stays behind these names.
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
     * Awaits {@code awaitable} in a task: returns its value when it is already complete (or completes
     * without suspending), throws its exception unchanged when it has failed, or returns
     * {@link #SUSPENDED} after arranging for {@code task} to be resumed when it completes. The
     * awaiting frame then links itself with {@link #linkSuspended}: generated bodies call this form,
     * since they have no frame until they suspend.
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
    public static Object await(Object awaitable, Trampoline<?> task) {
        if (awaitable instanceof Sleep sleep) {
            return sleep.awaitedBy(task);
        }
        if (awaitable instanceof AsyncFrame<?> callee) {
            return task.call(callee);
        }
        if (awaitable instanceof Future<?> future) {
            return future.isDone() ? future.result() : task.waitFor(future);
        }
        if (awaitable instanceof CompletableFuture<?> completable) {
            CompletableFuture<?> readable = completable.getClass() == MINIMAL_STAGE
                    ? completable.toCompletableFuture() : completable;
            if (readable.isDone()) {
                return join(readable);
            }
        }
        if (awaitable instanceof CompletionStage<?> stage) {
            return task.waitFor(stage);
        }
        if (awaitable == null) {
            throw new NullPointerException("await(null) in " + task + ": the awaited value is null");
        }
        throw new IllegalArgumentException("await(" + awaitable.getClass().getName() + ") in " + task
                + ": only a Coroutine, Task, Future or java.util.concurrent.CompletionStage can be awaited");
    }

    /**
     * Awaits {@code awaitable} from {@code frame}, a frame that exists before it suspends (the
     * runtime's own coroutines): {@link #await(Object, Trampoline)}, then, if that suspended,
     * {@link #linkSuspended}.
     */
    public static Object await(Object awaitable, AsyncFrame<?> frame) {
        Trampoline<?> task = frame.driver;
        Object result = await(awaitable, task);
        if (result == SUSPENDED) {
            task.linkSuspended(frame);
        }
        return result;
    }

    /**
     * Called by a frame resumed after a suspension: returns the value delivered to it, or throws the
     * exception delivered to it (unchanged).
     */
    public static Object resumed(AsyncFrame<?> frame) {
        return frame.driver.takeDelivered();
    }

    /** {@link #resumed(AsyncFrame)}, for generated bodies, which are given their task. */
    public static Object resumed(Trampoline<?> task) {
        return task.takeDelivered();
    }

    /**
     * Called by a frame as it suspends: it joins the chain of frames its task resumes, as the caller
     * of the frame that suspended before it in this step. A frame made at this first suspension (its
     * body was called directly) is claimed by the task here.
     */
    public static void linkSuspended(Trampoline<?> task, AsyncFrame<?> frame) {
        if (frame.driver == null) {
            frame.claim(task, null);
        }
        task.linkSuspended(frame);
    }

    /**
     * Called by the direct entry of an {@code @Async} method before it runs the body: how many
     * awaited coroutines run nested in direct calls now. The entry runs the body with one more
     * ({@link #setDepth}), unless that is {@linkplain #tooDeep too deep}, and puts it back after.
     * As in {@code Trampoline.call}, the depth is put back as it was, not decremented, and not when
     * the body throws, so that the JIT drops both stores when it inlines a body that completes at
     * once (a throw leaves it too high, which can only bounce a call sooner).
     */
    public static int depth(Trampoline<?> task) {
        return task.depth();
    }

    /** Whether calls nested {@code depth} deep may not nest a direct call more: the entry must bounce. */
    public static boolean tooDeep(int depth) {
        return Trampoline.tooDeep(depth);
    }

    /** Sets how many awaited coroutines run nested in direct calls (see {@link #depth}). */
    public static void setDepth(Trampoline<?> task, int depth) {
        task.setDepth(depth);
    }

    /**
     * Called by the direct entry of an overridable {@code @Async} method {@code owner.name} (with
     * method descriptor {@code descriptor}) for a receiver of another class, {@code receiver}: whether
     * that class runs {@code owner}'s method too, as no class between them declares one of that name
     * and those parameters. The entry then runs the body; otherwise the receiver's override, through
     * its coroutine. Cached per class and method.
     */
    public static boolean inherits(Class<?> receiver, Class<?> owner, String name, String descriptor) {
        return Overrides.inherits(receiver, owner, name, descriptor);
    }

    /**
     * Called by a direct entry that may not nest deeper: {@code task} starts {@code callee} from its
     * loop once the callers have unwound. Returns {@link #SUSPENDED}.
     */
    public static Object bounce(Trampoline<?> task, AsyncFrame<?> callee) {
        return task.bounce(callee);
    }

    private static Object join(CompletableFuture<?> completable) {
        try {
            return completable.join();
        } catch (CompletionException e) {
            throw Throwing.sneaky(Trampoline.unwrap(e));
        }
    }
}
