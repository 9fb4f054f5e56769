package org.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Clock;
import org.jasyncio.internal.FrameOrigins;
import org.jasyncio.internal.IoSelector;
import org.jasyncio.internal.LoopFactory;
import org.jasyncio.internal.Net;
import org.jasyncio.net.DatagramProtocol;
import org.jasyncio.net.DatagramTransport;
import org.jasyncio.net.Protocol;
import org.jasyncio.net.Server;
import org.jasyncio.net.Transport;

/**
 * An event loop, as asyncio's: one thread runs callbacks from a first-in first-out ready queue, fires
 * timers by deadline, and waits in a {@link Selector} when there is nothing to do.
 *
 * <p>Each iteration, as asyncio's {@code _run_once}: wait (not at all if callbacks are ready, else
 * until a registered channel is ready, the earliest timer is due or {@link #callSoonThreadsafe} wakes
 * the loop); move the readers and writers of the ready channels, the thread-safe submissions, then
 * the timers that are due (by deadline, first-in first-out among equal deadlines), to the ready
 * queue; run the callbacks that are ready now. With callbacks ready, the selector is polled only
 * when some channel is registered. Callbacks they schedule run in the next iteration. An exception
 * escaping a callback goes to the loop's {@link ExceptionHandler} (by default, logged through
 * {@code System.Logger} {@code org.jasyncio}) and the loop goes on.
 *
 * <p>A task's step runs in the task's context ({@link ContextVar}); other callbacks run in the loop's
 * base context, the one of the thread that started the loop, and what they set there is dropped
 * when they return (asyncio runs a callback in the context it was scheduled from; that would cost
 * every callback a capture, so jasyncio does it for tasks only).
 *
 * <p>Debug mode ({@link #setDebug}, or {@code -Djasyncio.debug=true}) reports a step or callback
 * slower than {@link #setSlowCallbackDuration} and, from then on, every coroutine garbage-collected
 * without ever being awaited or scheduled, with where it was created.
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
    private static final Duration DEFAULT_SLOW_CALLBACK = Duration.ofMillis(100);

    static {
        LoopFactory.install(new LoopMaker());
        FrameOrigins.install(new FrameOrigins.Reporter() {
            @Override
            public Object runningLoop() {
                return running();
            }

            @Override
            public void neverAwaited(Object loop, String message, Throwable origin) {
                report((EventLoop) loop, new ErrorContext(message, origin, null, null));
            }
        });
        IoSelector.install(loop -> loop.io);
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
    /** The frame linked last as the running step unwinds from a suspension (see {@code Trampoline.linkSuspended}). */
    AsyncFrame<?> linkedLast;
    /** The selector, the channels' callbacks and the transports and servers to close with the loop. */
    private final IoSelector io = new IoSelector();
    /** Whether the loop thread is, or is about to be, blocked in the selector. */
    private volatile boolean selecting;
    private volatile boolean closed;
    private volatile Thread thread;
    private boolean stopping;
    /** The item of the ready queue that runs now (a task, a timer or a callback), or {@code null}. */
    private Object runningItem;
    /** The context current on the loop thread: the running task's, or the loop's base context. */
    Context context = Context.EMPTY;
    private ExceptionHandler exceptionHandler;
    /** Where the default exception handler logs; tests replace it. */
    Logger logger = LOGGER;
    private boolean debug;
    private long slowCallbackNanos = DEFAULT_SLOW_CALLBACK.toNanos();
    private ExecutorService defaultExecutor;
    /** The reports of the futures that failed, for a test framework's check; {@code null}: not kept (see {@link LoopMaker}). */
    List<UnretrievedException> failuresKept;

    /** A new loop on the system's monotonic clock. */
    public EventLoop() {
        this(Clock.SYSTEM);
    }

    /** A new loop on {@code clock}: tests pass a virtual clock. */
    EventLoop(Clock clock) {
        this.clock = clock;
        this.origin = clock.nanoTime();
        if (FrameOrigins.enabledByProperty()) {
            setDebug(true);
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
        if (thread == null) {
            // Before the loop runs, submissions of callSoonThreadsafe keep their place too.
            moveSubmitted();
        }
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
     * callback runs on the loop thread, in the order of submission; called on the loop thread, it
     * joins the one ready queue, in order with {@link #callSoon}. A callback accepted here always
     * runs: if the loop closes first, {@link #close()} runs it.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public void callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        if (thread == Thread.currentThread()) {
            ready.addLast(callback);
            return;
        }
        submitted.add(callback);
        // close() sets closed, then runs what it finds submitted: if it may not have seen this one,
        // take it back; if it is gone already, close() took it and runs it.
        if (closed && submitted.remove(callback)) {
            throw closedError();
        }
        if (selecting) {
            io.wakeup();
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
        Task<T> task = new Task<>(this, coroutine, name, ++tasksMade, thread != null ? context : Context.ofThread());
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
        context = Context.ofThread();
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            runningItem = null;
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
     * Closes the loop: runs, on the calling thread, the callbacks {@link #callSoonThreadsafe} accepted
     * and the loop has not run yet (so none is dropped silently); drops the other pending callbacks
     * and timers; shuts the default executor down without waiting for its threads; closes its
     * transports and servers (without calling their protocols) and releases its selector. Idempotent.
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
        for (Runnable callback; (callback = submitted.poll()) != null; ) {
            run(callback);
        }
        runningItem = null;
        ready.clear();
        timers.clear();
        if (debug) {
            FrameOrigins.debugLoopEnded();
        }
        if (defaultExecutor != null) {
            defaultExecutor.shutdown();
        }
        io.close();
    }

    /** Whether the loop is running, on any thread. */
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code function} on {@code executor}, as asyncio's {@code run_in_executor}: its result or
     * exception, unchanged, completes the returned future on the loop. A {@code null} executor means
     * the loop's default one (daemon threads, made when first needed, shut down when the loop closes).
     * Cancelling the future does not interrupt {@code function}; its outcome is then dropped.
     * Loop-thread only.
     *
     * @throws java.util.concurrent.RejectedExecutionException if {@code executor} refuses the work
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> function) {
        Objects.requireNonNull(function, "function");
        checkThread("runInExecutor");
        checkOpen();
        return ExecutorCall.submit(this, executor != null ? executor : defaultExecutor(), function);
    }

    /**
     * Makes {@code executor} the one {@link #runInExecutor} uses when given {@code null}, and
     * {@link Asyncio#toThread} always; the loop shuts it down when it closes. Loop-thread only.
     */
    public void setDefaultExecutor(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        checkThread("setDefaultExecutor");
        checkOpen();
        defaultExecutor = executor;
    }

    /**
     * Makes {@code handler} receive the errors the loop reports ({@link ErrorContext}); {@code null}
     * restores the default, {@link #defaultExceptionHandler}. Loop-thread only.
     */
    public void setExceptionHandler(ExceptionHandler handler) {
        checkThread("setExceptionHandler");
        exceptionHandler = handler;
    }

    /** The handler set by {@link #setExceptionHandler}, or {@code null} for the default one. */
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /**
     * Reports {@code context} to the loop's exception handler; if that throws, the default handler
     * logs both. Called on the loop thread, or while the loop does not run.
     */
    public void callExceptionHandler(ErrorContext context) {
        Objects.requireNonNull(context, "context");
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            defaultExceptionHandler(context);
            return;
        }
        try {
            handler.handle(this, context);
        } catch (Throwable t) {
            defaultExceptionHandler(new ErrorContext("exception in the exception handler " + handler
                    + " while it handled: " + context.message(), t, context.task(), context.future()));
            if (context.exception() != null) {
                defaultExceptionHandler(context);
            }
        }
    }

    /**
     * The default exception handler: logs {@code context} through {@code System.Logger}
     * {@code org.jasyncio}, at {@code ERROR} with its exception, or at {@code WARNING} without one.
     */
    public void defaultExceptionHandler(ErrorContext context) {
        log(logger, context);
    }

    /**
     * Turns debug mode on or off (off by default, unless {@code -Djasyncio.debug=true}). In debug
     * mode, a step or callback slower than {@link #setSlowCallbackDuration} is reported to the
     * exception handler with its task and where that task is suspended. While a loop is in debug
     * mode, the runtime also remembers where every coroutine (on any thread) was created, to report
     * one garbage-collected without ever being awaited or scheduled to the loop that was running
     * where it was made. Loop-thread only.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public void setDebug(boolean enabled) {
        checkThread("setDebug");
        checkOpen();
        if (enabled != debug) {
            debug = enabled;
            if (enabled) {
                FrameOrigins.debugLoopStarted();
            } else {
                FrameOrigins.debugLoopEnded();
            }
        }
    }

    /** Whether debug mode is on. */
    public boolean isDebug() {
        return debug;
    }

    /**
     * How long a step or callback may run before debug mode reports it as slow; 100 ms by default.
     * Loop-thread only.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public void setSlowCallbackDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        checkThread("setSlowCallbackDuration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("setSlowCallbackDuration(" + duration + "): the duration must not be negative");
        }
        slowCallbackNanos = duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : duration.toNanos();
    }

    /** How long a step or callback may run before debug mode reports it as slow. */
    public Duration getSlowCallbackDuration() {
        return Duration.ofNanos(slowCallbackNanos);
    }

    @Override
    public String toString() {
        String state = closed ? "closed" : thread != null ? "running" : "idle";
        return "EventLoop@" + Integer.toHexString(System.identityHashCode(this)) + "[" + state + "]";
    }

    /**
     * A coroutine that connects to {@code host}:{@code port} (its addresses tried in turn, a name
     * looked up off the loop) and runs a protocol made by {@code factory} on the connection, as
     * asyncio's {@code loop.create_connection}; it finishes with the transport once the protocol's
     * {@code connectionMade} has run. Loop-thread only.
     *
     * @throws IOException when awaited: {@link java.net.ConnectException} naming the address when
     *         the connection is refused, {@link java.net.UnknownHostException} for an unknown host
     */
    public Coroutine<Transport> createConnection(Supplier<? extends Protocol> factory, String host, int port)
            throws IOException {
        return Net.provider().createConnection(this, factory, host, port);
    }

    /**
     * A coroutine that starts a TCP server on {@code host}:{@code port} (0: a free port; {@code null}
     * host: every interface), accepting at once, with a protocol made by {@code factory} per
     * connection, as asyncio's {@code loop.create_server}. Loop-thread only.
     *
     * @throws IOException when awaited, if the address cannot be bound
     */
    public Coroutine<Server> createServer(Supplier<? extends Protocol> factory, String host, int port)
            throws IOException {
        return Net.provider().createServer(this, factory, host, port);
    }

    /**
     * A coroutine that opens a UDP endpoint bound to {@code local} ({@code null}: any free port),
     * connected to {@code remote} unless it is {@code null}, as asyncio's
     * {@code loop.create_datagram_endpoint}. Loop-thread only.
     *
     * @throws IOException when awaited, if the socket cannot be bound or connected
     */
    public Coroutine<DatagramTransport> createDatagramEndpoint(Supplier<? extends DatagramProtocol> factory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        return Net.provider().createDatagramEndpoint(this, factory, local, remote);
    }

    /** A coroutine that connects {@code channel} to {@code address}, put in non-blocking mode. Loop-thread only. */
    public Coroutine<Void> sockConnect(SocketChannel channel, SocketAddress address) throws IOException {
        return Net.provider().sockConnect(this, channel, address);
    }

    /** A coroutine that accepts a connection on {@code channel}, put in non-blocking mode. Loop-thread only. */
    public Coroutine<SocketChannel> sockAccept(ServerSocketChannel channel) throws IOException {
        return Net.provider().sockAccept(this, channel);
    }

    /**
     * A coroutine that reads what {@code channel} has into {@code buffer}, waiting until there is
     * something: the number of bytes read, -1 at end of stream. Loop-thread only.
     */
    public Coroutine<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer) throws IOException {
        return Net.provider().sockRecv(this, channel, buffer);
    }

    /** A coroutine that writes all of {@code buffer}'s remaining bytes to {@code channel}. Loop-thread only. */
    public Coroutine<Void> sockSendAll(SocketChannel channel, ByteBuffer buffer) throws IOException {
        return Net.provider().sockSendAll(this, channel, buffer);
    }

    /**
     * Runs {@code callback} on the loop whenever {@code channel} is readable (or, for a server socket,
     * has a connection to accept), replacing its reader if it had one; the channel is put in
     * non-blocking mode. Loop-thread only.
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        checkThread("addReader");
        checkOpen();
        io.addReader(channel, callback);
    }

    /**
     * Runs {@code callback} on the loop whenever {@code channel} is writable (or, while a socket
     * connects, when its connection is established or failed), replacing its writer if it had one;
     * the channel is put in non-blocking mode. Loop-thread only.
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        checkThread("addWriter");
        checkOpen();
        io.addWriter(channel, callback);
    }

    /** Stops watching {@code channel} for reading; whether it had a reader. Loop-thread only. */
    public boolean removeReader(SelectableChannel channel) {
        checkThread("removeReader");
        return !closed && io.removeReader(channel);
    }

    /** Stops watching {@code channel} for writing; whether it had a writer. Loop-thread only. */
    public boolean removeWriter(SelectableChannel channel) {
        checkThread("removeWriter");
        return !closed && io.removeWriter(channel);
    }

    /** {@code awaitable} as a future of this loop: a coroutine becomes a task. */
    <T> Future<T> toFuture(Awaitable<T> awaitable) {
        return awaitable instanceof Coroutine<T> coroutine ? createTask(coroutine) : (Future<T>) awaitable;
    }

    /** The task whose step runs now, or {@code null}. */
    Task<?> currentTask() {
        return runningItem instanceof Task<?> task ? task : null;
    }

    /** The executor {@link #runInExecutor} uses when given {@code null}; made when first needed. */
    ExecutorService defaultExecutor() {
        if (defaultExecutor == null) {
            defaultExecutor = ExecutorCall.newDefaultExecutor();
        }
        return defaultExecutor;
    }

    /**
     * Reports {@code context} from any thread: to {@code loop}'s handler, on its thread, while it is
     * open; otherwise (no loop, or a closed one) to the default handler, on this thread.
     */
    static void report(EventLoop loop, ErrorContext context) {
        if (loop != null) {
            try {
                loop.callSoonThreadsafe(() -> loop.callExceptionHandler(context));
                return;
            } catch (IllegalStateException closed) {
                loop.defaultExceptionHandler(context);
                return;
            }
        }
        log(LOGGER, context);
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

    /**
     * Notes that an entry of the timers went stale, to be dropped later: a handle cancelled before it
     * was due, or a sleeping task woken early.
     */
    void timerCancelled() {
        timers.entryCancelled();
    }

    /** How many entries the timers hold, stale ones included. */
    int timersQueued() {
        return timers.size();
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
            throw closedError();
        }
    }

    private IllegalStateException closedError() {
        return new IllegalStateException(this + " is closed; schedule work only on an open loop");
    }

    private void moveSubmitted() {
        for (Runnable callback; (callback = submitted.poll()) != null; ) {
            ready.addLast(callback);
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
        io.dispatch(ready);
        moveSubmitted();
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

    /**
     * Blocks in the selector until a registered channel is ready, the earliest timer is due or a
     * thread-safe submission arrives.
     */
    private void waitForWork() {
        try {
            boolean timed = !timers.isEmpty();
            long next = timed ? timers.firstDeadline() : 0;
            if (!ready.isEmpty() || stopping || !submitted.isEmpty()
                    || timed && clock.advanceTo(origin + next)) {
                // Only channels make a non-blocking poll worth its system call.
                if (io.hasChannels()) {
                    io.select(-1);
                }
                return;
            }
            selecting = true;
            try {
                if (!submitted.isEmpty()) {
                    io.select(-1);
                } else if (!timed) {
                    io.select(0);
                } else {
                    long wait = next - time();
                    io.select(wait > 0 ? Math.max(1, (wait + 999_999) / 1_000_000) : -1);
                }
            } finally {
                selecting = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        }
    }

    /** Runs one ready item; kept small, with debug mode's timing out of line, so that the JIT inlines a step whole. */
    private void run(Object item) {
        runningItem = item;
        if (debug) {
            runTimed(item);
        } else if (item instanceof Task<?> task) {
            runStep(task);
        } else {
            runCallback(item);
        }
    }

    /**
     * Runs {@code task}'s step in its context, and keeps what the step set there. Contexts are
     * compared before they are stored: while no {@link ContextVar} is set, every context is the same
     * object and a step stores none.
     */
    private void runStep(Task<?> task) {
        Context base = context;
        Context own = task.context;
        if (own != base) {
            context = own;
        }
        try {
            task.runStep();
        } catch (Throwable t) {
            callbackFailed(task, t);
        } finally {
            Context after = context;
            if (after != own) {
                task.context = after;
            }
            if (after != base) {
                context = base;
            }
        }
    }

    /** Runs a due timer or a callback, in the loop's base context, which it leaves as it was. */
    private void runCallback(Object item) {
        Context base = context;
        try {
            if (item instanceof TimerHandle timer) {
                timer.fire();
            } else {
                ((Runnable) item).run();
            }
        } catch (Throwable t) {
            callbackFailed(item, t);
        } finally {
            if (context != base) {
                context = base;
            }
        }
    }

    private void runTimed(Object item) {
        long started = System.nanoTime();
        if (item instanceof Task<?> task) {
            runStep(task);
        } else {
            runCallback(item);
        }
        reportIfSlow(item, System.nanoTime() - started);
    }

    private void callbackFailed(Object item, Throwable exception) {
        callExceptionHandler(new ErrorContext("exception in event loop callback " + item, exception, null, null));
    }

    private void reportIfSlow(Object item, long nanos) {
        if (nanos < slowCallbackNanos) {
            return;
        }
        String took = String.format("%.3f s", nanos / 1e9);
        if (item instanceof Task<?> task) {
            callExceptionHandler(new ErrorContext("a step of " + task + " took " + took + ", then it was at "
                    + task.whereSuspended(), null, task, null));
        } else {
            callExceptionHandler(new ErrorContext("callback " + item + " took " + took, null, null, null));
        }
    }

    private static void log(Logger logger, ErrorContext context) {
        StringBuilder message = new StringBuilder(context.message());
        if (context.task() != null) {
            message.append("; task: ").append(context.task());
        }
        if (context.future() != null && context.future() != context.task()) {
            message.append("; future: ").append(context.future());
        }
        if (context.exception() != null) {
            logger.log(Level.ERROR, message.toString(), context.exception());
        } else {
            logger.log(Level.WARNING, message.toString());
        }
    }
}
