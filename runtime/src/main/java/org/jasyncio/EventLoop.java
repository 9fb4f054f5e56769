package org.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.jasyncio.internal.Clock;
import org.jasyncio.internal.LoopFactory;

/**
 * An event loop, as asyncio's: one thread runs callbacks from a first-in first-out ready queue, fires
 * timers by deadline, and waits in a {@link Selector} when there is nothing to do.
 *
 * <p>Each iteration, as asyncio's {@code _run_once}: wait (not at all if callbacks are ready, else
 * until the earliest timer is due or {@link #callSoonThreadsafe} wakes the loop); move the
 * thread-safe submissions, then the timers that are due (by deadline, first-in first-out among equal
 * deadlines), to the ready queue; run the callbacks that are ready now. Callbacks they schedule run in
 * the next iteration. An exception escaping a callback is logged and the loop goes on.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isRunning()}</th><th>{@link #isClosed()}</th><th>next</th></tr>
 *   <tr><td>idle</td><td>false</td><td>false</td><td>{@link #runForever()}, {@link #runUntilComplete} or {@link #close()}</td></tr>
 *   <tr><td>running</td><td>true</td><td>false</td><td>idle, after {@link #stop()} or completion</td></tr>
 *   <tr><td>closed</td><td>false</td><td>true</td><td>none; scheduling throws {@link IllegalStateException}</td></tr>
 * </table>
 *
 * <p>Thread rule: one thread at a time runs the loop, and only it may call the methods marked
 * loop-thread only (checked: calling them from another thread while the loop runs throws
 * {@link IllegalStateException}). {@link #callSoonThreadsafe}, {@link #time()}, {@link #isRunning()}
 * and {@link #isClosed()} may be called from any thread; to stop the loop from another thread,
 * submit {@code loop::stop} with {@code callSoonThreadsafe}.
 */
public final class EventLoop {

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    private static final Logger LOGGER = System.getLogger("org.jasyncio");

    static {
        LoopFactory.install(EventLoop::new);
    }

    private final Clock clock;
    private final long origin;
    /** Runnables, due {@link TimerHandle}s and tasks to step, in the order they are to run. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private final TimerQueue timers = new TimerQueue();
    private final ConcurrentLinkedQueue<Runnable> submitted = new ConcurrentLinkedQueue<>();
    /** The first of the tasks that are not done, linked through {@link Task#next}. */
    private Task<?> firstTask;
    /** How many tasks this loop has made: the number in a task's default name. */
    private int tasksMade;
    private final Selector selector;
    /** Whether the loop thread is, or is about to be, blocked in the selector. */
    private volatile boolean selecting;
    private volatile boolean closed;
    private volatile Thread thread;
    private boolean stopping;

    /** A new loop on the system's monotonic clock. */
    public EventLoop() {
        this(Clock.SYSTEM);
    }

    /** A new loop on {@code clock}: tests pass a virtual clock. */
    EventLoop(Clock clock) {
        this.clock = clock;
        this.origin = clock.nanoTime();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
    }

    /** The loop running on the calling thread, or {@code null}. */
    static EventLoop running() {
        return RUNNING.get();
    }

    /**
     * Schedules {@code callback} to run in a later iteration, after the callbacks already scheduled.
     * Loop-thread only.
     */
    public void callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkThread("callSoon");
        checkOpen();
        ready.addLast(callback);
    }

    /**
     * Schedules {@code callback} to run once {@code delay} has passed on the loop's clock; a delay of
     * zero or less means as soon as possible, after the callbacks already ready. Loop-thread only.
     *
     * @return a handle that can cancel it
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        Objects.requireNonNull(delay, "delay");
        return callAt(deadlineAfter(delay), callback);
    }

    /**
     * Schedules {@code callback} to run when the loop's clock ({@link #time()}) reaches {@code when},
     * in nanoseconds, as asyncio's {@code call_at}; a time already past means as soon as possible,
     * after the callbacks already ready. Loop-thread only.
     *
     * @return a handle that can cancel it
     */
    public TimerHandle callAt(long when, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkThread("callAt");
        checkOpen();
        TimerHandle timer = new TimerHandle(this, when, callback);
        timers.add(timer, when);
        return timer;
    }

    /**
     * Schedules {@code callback} from any thread, and wakes the loop if it is blocked waiting. The
     * callback runs on the loop thread, in the order of submission.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public void callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        submitted.add(callback);
        if (selecting) {
            selector.wakeup();
        }
    }

    /** A new pending future on this loop. Loop-thread only. */
    public <T> Future<T> createFuture() {
        checkThread("createFuture");
        return new Future<>(this);
    }

    /**
     * Wraps {@code coroutine} in a task and schedules its first step. Loop-thread only.
     *
     * @throws IllegalStateException if the coroutine was awaited or scheduled before
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * As {@link #createTask(Coroutine)}, naming the task {@code name} ({@code null}: the default,
     * {@code Task-N}, numbered on this loop). Loop-thread only.
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkThread("createTask");
        checkOpen();
        Task<T> task = new Task<>(this, coroutine, name, ++tasksMade);
        task.next = firstTask;
        if (firstTask != null) {
            firstTask.previous = task;
        }
        firstTask = task;
        return task;
    }

    /** The loop's monotonic clock, in nanoseconds since the loop was created. */
    public long time() {
        return clock.nanoTime() - origin;
    }

    /**
     * Runs the loop until {@code awaitable} is done (a coroutine is wrapped in a task first), and
     * returns its result or throws its exception, unchanged.
     *
     * @throws IllegalStateException if the loop is closed or already running, another loop runs on
     *         this thread, or the loop was stopped before {@code awaitable} was done
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        checkCanRun();
        Future<T> future = toFuture(awaitable);
        Consumer<Future<T>> stopWhenDone = done -> stop();
        future.addDoneCallback(stopWhenDone);
        try {
            runForever();
        } finally {
            future.removeDoneCallback(stopWhenDone);
        }
        if (!future.isDone()) {
            throw new IllegalStateException("the event loop stopped before " + future + " was done");
        }
        return future.result();
    }

    /**
     * Runs the loop on the calling thread until {@link #stop()} is called.
     *
     * @throws IllegalStateException if the loop is closed or already running, or another loop runs
     *         on this thread
     */
    public void runForever() {
        checkCanRun();
        thread = Thread.currentThread();
        RUNNING.set(this);
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            RUNNING.remove();
            thread = null;
        }
    }

    /**
     * Makes a running loop return from {@link #runForever()} after the callbacks already ready have
     * run; if the loop is not running, it stops after one iteration when it next runs. Loop-thread
     * only; from another thread, use {@code callSoonThreadsafe(loop::stop)}.
     */
    public void stop() {
        checkThread("stop");
        stopping = true;
    }

    /**
     * Closes the loop: drops pending callbacks and timers and releases its selector. Idempotent.
     *
     * @throws IllegalStateException if the loop is running
     */
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        ready.clear();
        timers.clear();
        submitted.clear();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event loop's selector", e);
        }
    }

    /** Whether the loop is running, on any thread. */
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** {@code awaitable} as a future of this loop: a coroutine becomes a task. */
    <T> Future<T> toFuture(Awaitable<T> awaitable) {
        return awaitable instanceof Coroutine<T> coroutine ? createTask(coroutine) : (Future<T>) awaitable;
    }

    /** The tasks of this loop that are not done yet. */
    List<Task<?>> pendingTasks() {
        List<Task<?>> pending = new ArrayList<>();
        for (Task<?> task = firstTask; task != null; task = task.next) {
            pending.add(task);
        }
        return pending;
    }

    void taskDone(Task<?> task) {
        if (task.previous != null) {
            task.previous.next = task.next;
        } else if (firstTask == task) {
            firstTask = task.next;
        }
        if (task.next != null) {
            task.next.previous = task.previous;
        }
        task.previous = null;
        task.next = null;
    }

    /** Queues {@code item}, a runnable, a due timer or a task to step. Loop-thread only, unchecked. */
    void schedule(Object item) {
        ready.addLast(item);
    }

    /** Queues {@code task}'s next step once {@code delay} has passed. Loop-thread only, unchecked. */
    void scheduleAfter(Task<?> task, Duration delay) {
        timers.add(task, deadlineAfter(delay));
    }

    /** Takes {@code task} out of the timers, if it is there. */
    void unscheduleTimer(Task<?> task) {
        timers.remove(task);
    }

    void timerCancelled(TimerHandle timer) {
        timers.remove(timer);
    }

    /** Whether the caller may use loop-thread-only methods: it runs the loop, or nobody does. */
    boolean isLoopThread() {
        Thread running = thread;
        return running == null || running == Thread.currentThread();
    }

    void checkThread(String operation) {
        if (!isLoopThread()) {
            throw new IllegalStateException(operation + " called from " + Thread.currentThread().getName()
                    + ", not from the thread running the event loop; use callSoonThreadsafe");
        }
    }

    private void checkCanRun() {
        checkOpen();
        if (thread != null) {
            throw new IllegalStateException("this event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("another event loop is running on this thread");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the event loop is closed");
        }
    }

    /** The loop time {@code delay} from now, saturated at {@code Long.MAX_VALUE}. */
    long deadlineAfter(Duration delay) {
        long now = time();
        if (delay.isNegative()) {
            return now;
        }
        long nanos = delay.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : delay.toNanos();
        return nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
    }

    private void runOnce() {
        waitForWork();
        for (Runnable callback; (callback = submitted.poll()) != null; ) {
            ready.addLast(callback);
        }
        if (!timers.isEmpty()) {
            long now = time();
            while (!timers.isEmpty() && timers.firstDeadline() <= now) {
                ready.addLast(timers.poll());
            }
        }
        for (int n = ready.size(); n > 0; n--) {
            run(ready.pollFirst());
        }
    }

    /** Blocks in the selector until the earliest timer is due or a thread-safe submission arrives. */
    private void waitForWork() {
        try {
            boolean timed = !timers.isEmpty();
            long next = timed ? timers.firstDeadline() : 0;
            if (!ready.isEmpty() || stopping || !submitted.isEmpty()
                    || timed && clock.advanceTo(origin + next)) {
                // Only channels make a non-blocking poll worth its system call.
                if (!selector.keys().isEmpty()) {
                    selector.selectNow();
                }
                return;
            }
            selecting = true;
            try {
                if (!submitted.isEmpty()) {
                    selector.selectNow();
                } else if (!timed) {
                    selector.select();
                } else {
                    long wait = next - time();
                    if (wait > 0) {
                        selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
                    } else {
                        selector.selectNow();
                    }
                }
            } finally {
                selecting = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        }
    }

    private static void run(Object item) {
        try {
            if (item instanceof Task<?> task) {
                task.runStep();
            } else if (item instanceof TimerHandle timer) {
                timer.fire();
            } else {
                ((Runnable) item).run();
            }
        } catch (Throwable t) {
            LOGGER.log(Level.ERROR, "exception in event loop callback " + item, t);
        }
    }
}
