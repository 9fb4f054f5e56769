package org.jasyncio;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import org.jasyncio.internal.Completed;
import org.jasyncio.internal.Sleep;

/**
 * The entry points of jasyncio, as the functions of Python's {@code asyncio} module: running a
 * coroutine, sleeping, composing and awaiting.
 *
 * <p>The coroutines returned here are like those of {@code @Async} methods: nothing runs until they
 * are awaited or scheduled, and each may be used once.
 *
 * <p>Thread rule: the methods that need a running loop ({@link #createTask}, {@link #getRunningLoop})
 * use the one running on the calling thread; the coroutines run on the loop of the task that runs them.
 */
public final class Asyncio {

    private Asyncio() {
    }

    /**
     * Runs {@code main} on a new event loop on the calling thread, as {@code asyncio.run}: when it is
     * done, cancels the tasks still pending and runs the loop until they have finished, then closes
     * the loop. The same as a {@link Runner} used once.
     *
     * <p>The coroutine's exception is rethrown unchanged, checked ones included, though they are not
     * declared here.
     *
     * @return the coroutine's result
     * @throws IllegalStateException if an event loop is already running on this thread
     */
    public static <T> T run(Coroutine<T> main) {
        Objects.requireNonNull(main, "main");
        try (Runner runner = new Runner()) {
            return runner.run(main);
        }
    }

    /** A coroutine that suspends its task for {@code delay}; zero or less yields once to the other ready tasks. */
    public static Coroutine<Void> sleep(Duration delay) {
        return new Sleep(Objects.requireNonNull(delay, "delay"));
    }

    /** A coroutine that suspends its task for {@code millis} milliseconds; 0 yields once to the other ready tasks. */
    public static Coroutine<Void> sleep(long millis) {
        return new Sleep(Duration.ofMillis(millis));
    }

    /**
     * A coroutine that runs {@code awaitables} concurrently and finishes with their results, in
     * argument order, as {@code asyncio.gather}. The coroutines among them become tasks when the
     * gather starts. The first failure is the gather's, while the others keep running; cancelling the
     * task that awaits the gather cancels them all.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, by Arrays.asList
    public static <T> Coroutine<List<T>> gather(Awaitable<? extends T>... awaitables) {
        return gather(Arrays.asList(awaitables));
    }

    /** As {@link #gather(Awaitable[])}, for a collection, in its iteration order. */
    public static <T> Coroutine<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables) {
        return new Gather<>(Gather.copy(awaitables), false);
    }

    /**
     * As {@link #gather(Awaitable[])}, but finishing only when every awaitable has, with each one's
     * {@link Outcome} (a cancelled one gives a {@link Outcome.Failure} with a
     * {@code CancellationException}), as {@code asyncio.gather(..., return_exceptions=True)}.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, by Arrays.asList
    public static <T> Coroutine<List<Outcome<T>>> gatherOutcomes(Awaitable<? extends T>... awaitables) {
        return gatherOutcomes(Arrays.asList(awaitables));
    }

    /** As {@link #gatherOutcomes(Awaitable[])}, for a collection, in its iteration order. */
    public static <T> Coroutine<List<Outcome<T>>> gatherOutcomes(
            Collection<? extends Awaitable<? extends T>> awaitables) {
        return new Gather<>(Gather.copy(awaitables), true);
    }

    /**
     * Wraps {@code coroutine} in a task scheduled on the running loop, as {@code asyncio.create_task}.
     *
     * @throws IllegalStateException if no loop runs on this thread, or the coroutine was used before
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    /**
     * A coroutine that awaits {@code awaitable} for at most {@code timeout}, as
     * {@code asyncio.wait_for}. On timeout it cancels the awaited work, waits until the cancellation
     * has finished, and throws {@link TimeoutException}. Cancelling the task that awaits it cancels the
     * awaited work too.
     *
     * @throws TimeoutException when awaited, if the timeout passes first (declared here so that
     *         {@code try { await(waitFor(x, d)); } catch (TimeoutException e)} compiles)
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, Duration timeout) throws TimeoutException {
        return new WaitFor<>(Objects.requireNonNull(awaitable, "awaitable"), Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * A coroutine that runs {@code function} on the running loop's default executor, in a copy of the
     * awaiting task's {@link ContextVar} context, and finishes with its result or exception,
     * unchanged, as {@code asyncio.to_thread}. Cancelling the awaiting task does not interrupt the
     * function: the task stops waiting for it, and its outcome is dropped.
     */
    public static <T> Coroutine<T> toThread(Callable<T> function) {
        return new ToThread<>(Objects.requireNonNull(function, "function"));
    }

    /**
     * Submits {@code coroutine} to {@code loop} from any thread, as
     * {@code asyncio.run_coroutine_threadsafe}: the loop runs it as a task, whose outcome completes
     * the returned future (its exception unchanged, not wrapped); cancelling the future cancels the
     * task.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine, EventLoop loop) {
        return ThreadsafeRun.submit(Objects.requireNonNull(coroutine, "coroutine"), Objects.requireNonNull(loop, "loop"));
    }

    /**
     * The task whose step runs now on the running loop, as {@code asyncio.current_task}: {@code null}
     * in a plain callback.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Task<?> currentTask() {
        return getRunningLoop().currentTask();
    }

    /**
     * The running loop's tasks that are not done, as {@code asyncio.all_tasks}: a snapshot, newest
     * first; the coroutine given to {@link #run} is among them while it runs.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(getRunningLoop().pendingTasks()));
    }

    /**
     * The event loop running on the calling thread, as {@code asyncio.get_running_loop}.
     *
     * @throws IllegalStateException if there is none
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = EventLoop.running();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /** A coroutine that finishes with {@code value} without suspending; {@code return completed(v);} ends an {@code @Async} method. */
    public static <T> Coroutine<T> completed(T value) {
        return new Completed<>(value);
    }

    /** A coroutine that finishes with {@code null}; {@code return completed();} ends a {@code Coroutine<Void>} method. */
    public static Coroutine<Void> completed() {
        return new Completed<>(null);
    }

    /**
     * Suspends the calling {@code @Async} method until {@code awaitable} completes, then returns its
     * value or throws its exception unchanged. The build rewrites every call; this body runs only
     * when the calling class was not instrumented.
     *
     * @throws IllegalStateException always, naming the caller and how to enable instrumentation
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw notInstrumented();
    }

    /**
     * Suspends the calling {@code @Async} method until {@code stage} completes, then returns its
     * value or throws its exception, unwrapped from {@code CompletionException}. The build rewrites
     * every call; this body runs only when the calling class was not instrumented.
     *
     * @throws IllegalStateException always, naming the caller and how to enable instrumentation
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw notInstrumented();
    }

    private static IllegalStateException notInstrumented() {
        String caller = StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> !f.getClassName().equals(Asyncio.class.getName()))
                        .findFirst()
                        .map(f -> f.getClassName() + "." + f.getMethodName())
                        .orElse("an unknown method"));
        return new IllegalStateException("Asyncio.await was called in " + caller + ", which was not instrumented."
                + " Mark the method @Async (org.jasyncio.annotation.Async) and add the jasyncio-maven-plugin,"
                + " with the goals instrument and instrument-tests, to the build");
    }
}
