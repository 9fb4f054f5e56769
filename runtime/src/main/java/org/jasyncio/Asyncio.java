package org.jasyncio;

import java.io.PrintStream;
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
import java.util.function.Function;

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
     * As {@link #createTask(Coroutine)}, naming the task {@code name} ({@code null}: the default,
     * {@code Task-N}).
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return getRunningLoop().createTask(coroutine, name);
    }

    /**
     * A coroutine that runs {@code body} with a new {@link TaskGroup}, then waits until every task the
     * group started is done, and finishes with the body's result, as asyncio's
     * {@code async with TaskGroup() as tg}. The body runs inline, in the awaiting task; a method
     * reference to an {@code @Async} method fits ({@code taskGroup(this::crawl)}).
     *
     * <p>The first failure (not a cancellation) of a task or of the body cancels the body, at its
     * {@code await}, and every other task; when all have finished, the coroutine throws a
     * {@link TaskGroupException} listing the tasks' failures in the order they happened, then the
     * body's. Cancelling the awaiting task cancels the tasks too, and stays a
     * {@code CancellationException}.
     */
    public static <T> Coroutine<T> taskGroup(Function<? super TaskGroup, ? extends Awaitable<T>> body) {
        return new TaskGroupScope<>(Objects.requireNonNull(body, "body"));
    }

    /**
     * A coroutine that runs {@code body} with a {@link Timeout} whose deadline is {@code delay} after
     * it starts, as asyncio's {@code async with timeout(delay)}: at the deadline the body is cancelled
     * at its {@code await}, and when it ends with that cancellation the coroutine throws
     * {@link TimeoutException}. A body that catches the cancellation and returns normally returns its
     * value (and {@link Timeout#expired()} is true). A cancellation from outside stays a
     * {@code CancellationException}. Scopes nest: each tells its own expiry from any other.
     *
     * @throws TimeoutException when awaited, at the deadline (declared so that a {@code catch} of it
     *         compiles around the {@code await})
     */
    public static <T> Coroutine<T> timeout(Duration delay, Function<? super Timeout, ? extends Awaitable<T>> body)
            throws TimeoutException {
        return new TimeoutScope<>(Objects.requireNonNull(delay, "delay"), Objects.requireNonNull(body, "body"));
    }

    /**
     * As {@link #timeout(Duration, Function)}, with the deadline {@code when} on the loop's clock
     * ({@link EventLoop#time()}, ns; {@code Long.MAX_VALUE}: none), as asyncio's {@code timeout_at}.
     *
     * @throws TimeoutException when awaited, at the deadline
     */
    public static <T> Coroutine<T> timeoutAt(long when, Function<? super Timeout, ? extends Awaitable<T>> body)
            throws TimeoutException {
        return new TimeoutScope<>(when, Objects.requireNonNull(body, "body"));
    }

    /**
     * A coroutine that awaits {@code awaitable} (a coroutine becomes a task) so that cancelling the
     * awaiting task does not cancel it, as asyncio's {@code shield}: the awaiting task gets its
     * {@code CancellationException}, and the work goes on.
     */
    public static <T> Coroutine<T> shield(Awaitable<T> awaitable) {
        return new Shield<>(Objects.requireNonNull(awaitable, "awaitable"));
    }

    /**
     * A coroutine that waits until {@code when} is satisfied for {@code futures}, as asyncio's
     * {@code wait}, and finishes with those {@link Waited#done() done} (in completion order) and those
     * {@link Waited#pending() pending}. It cancels none of them. Write it qualified,
     * {@code Asyncio.wait(...)}: a bare {@code wait(...)} means {@code Object.wait}.
     *
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <F extends Future<?>> Coroutine<Waited<F>> wait(Collection<F> futures, ReturnWhen when) {
        return waitFor(futures, when, null);
    }

    /**
     * As {@link #wait(Collection, ReturnWhen)}, returning after {@code timeout} at the latest, with
     * what is done by then: a timeout is not an error.
     */
    public static <F extends Future<?>> Coroutine<Waited<F>> wait(Collection<F> futures, ReturnWhen when,
            Duration timeout) {
        return waitFor(futures, when, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * The outcomes of {@code awaitables} in the order they complete, as asyncio's
     * {@code as_completed}: as many coroutines as awaitables, awaiting each gives the next value or
     * throws the next failure. The coroutines among the awaitables become tasks now, on the running
     * loop.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables) {
        return new AsCompleted<>(getRunningLoop(), Gather.copy(awaitables), null);
    }

    /**
     * As {@link #asCompleted(Collection)}; past {@code timeout}, awaiting each coroutine left throws
     * {@link TimeoutException} (declared here, so that a {@code catch} of it compiles around the loop).
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables,
            Duration timeout) throws TimeoutException {
        return new AsCompleted<>(getRunningLoop(), Gather.copy(awaitables), Objects.requireNonNull(timeout, "timeout"));
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

    private static <F extends Future<?>> Coroutine<Waited<F>> waitFor(Collection<F> futures, ReturnWhen when,
            Duration timeout) {
        Objects.requireNonNull(when, "when");
        Set<F> distinct = new LinkedHashSet<>();
        for (F future : futures) {
            distinct.add(Objects.requireNonNull(future, "a future to wait for is null"));
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("Asyncio.wait needs at least one future");
        }
        return new WaitFrame<>(distinct, when, timeout);
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
