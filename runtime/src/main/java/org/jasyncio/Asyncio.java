package org.jasyncio;

import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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

    private static final Logger LOGGER = System.getLogger("org.jasyncio");

    private Asyncio() {
    }

    /**
     * Runs {@code main} on a new event loop on the calling thread, as {@code asyncio.run}: when it is
     * done, cancels the tasks still pending and runs the loop until they have finished, then closes
     * the loop.
     *
     * <p>The coroutine's exception is rethrown unchanged, checked ones included, though they are not
     * declared here.
     *
     * @return the coroutine's result
     * @throws IllegalStateException if an event loop is already running on this thread
     */
    public static <T> T run(Coroutine<T> main) {
        Objects.requireNonNull(main, "main");
        if (EventLoop.running() != null) {
            throw new IllegalStateException("Asyncio.run cannot be called from a running event loop;"
                    + " await the coroutine, or use createTask");
        }
        EventLoop loop = new EventLoop();
        try {
            return loop.runUntilComplete(main);
        } finally {
            try {
                cancelPendingTasks(loop);
            } finally {
                loop.close();
            }
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

    /**
     * Where {@code future}'s task is suspended and which tasks await it, as Python 3.14's
     * {@code asyncio.capture_call_graph}; see {@link CallGraph}. Loop-thread only.
     *
     * @throws IllegalStateException if called off the thread of {@code future}'s loop
     */
    public static CallGraph captureCallGraph(Future<?> future) {
        return CallGraph.capture(future);
    }

    /** {@code captureCallGraph(future).format()}, as Python's {@code asyncio.format_call_graph}. Loop-thread only. */
    public static String formatCallGraph(Future<?> future) {
        return CallGraph.capture(future).format();
    }

    /** Prints {@link #formatCallGraph} to {@code System.out}, as Python's {@code asyncio.print_call_graph}. Loop-thread only. */
    public static void printCallGraph(Future<?> future) {
        printCallGraph(future, System.out);
    }

    /** Prints {@link #formatCallGraph} to {@code out}. Loop-thread only. */
    public static void printCallGraph(Future<?> future, PrintStream out) {
        out.print(formatCallGraph(future));
        out.flush();
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

    /** Cancels {@code loop}'s pending tasks and runs it until they have finished, as asyncio.run does. */
    private static void cancelPendingTasks(EventLoop loop) {
        List<Task<?>> pending = loop.pendingTasks();
        if (pending.isEmpty()) {
            return;
        }
        for (Task<?> task : pending) {
            task.cancel();
        }
        loop.runUntilComplete(new GatheringFuture<>(loop, List.copyOf(pending), true).listen());
        for (Task<?> task : pending) {
            if (!task.isCancelled() && task.exception() != null) {
                LOGGER.log(Level.ERROR, "unhandled exception in " + task + " while Asyncio.run shut down",
                        task.exception());
            }
        }
    }
}
