package org.jasyncio;

import java.util.List;
import java.util.Objects;

/**
 * Runs coroutines one after another on one event loop, on the calling thread, as asyncio's
 * {@code Runner}; {@link Asyncio#run} is a runner used once.
 *
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(connect());
 *     runner.run(serve());   // the same loop: tasks and connections made by the first run live on
 * }
 * }</pre>
 *
 * <p>States: <em>open</em> (its loop is made with it and runs during each {@link #run}), then
 * <em>closed</em> by {@link #close()}: the tasks left are cancelled and run until they finish, the
 * default executor is shut down, the loop is closed; {@code run} and {@code getLoop} then throw
 * {@link IllegalStateException}.
 *
 * <p>Thread rule: one thread at a time; {@code run} and {@code close} not from inside a running loop.
 */
public final class Runner implements AutoCloseable {

    private final EventLoop loop;
    private boolean closed;

    /** A runner with a new event loop. */
    public Runner() {
        this(new EventLoop());
    }

    /** A runner of {@code loop}, which it closes: tests give it a loop on virtual time. */
    Runner(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Runs {@code main} as a task on the runner's loop until it is done; tasks it leaves pending stay
     * on the loop for the next run, or for {@link #close()} to cancel.
     *
     * @return the coroutine's result; its exception is rethrown unchanged, checked ones too
     * @throws IllegalStateException if the runner is closed, or an event loop runs on this thread
     */
    public <T> T run(Coroutine<T> main) {
        Objects.requireNonNull(main, "main");
        checkOpen("run");
        if (EventLoop.running() != null) {
            throw new IllegalStateException("Runner.run (or Asyncio.run) cannot be called from a running event loop;"
                    + " await the coroutine, or use createTask");
        }
        return loop.runUntilComplete(main);
    }

    /**
     * The runner's loop.
     *
     * @throws IllegalStateException if the runner is closed
     */
    public EventLoop getLoop() {
        checkOpen("getLoop");
        return loop;
    }

    /**
     * Cancels the tasks left on the loop and runs it until they have finished (a failure other than
     * the cancellation goes to the loop's exception handler), shuts the default executor down and
     * closes the loop. Idempotent.
     *
     * @throws IllegalStateException if called from inside the running loop
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (loop.isRunning()) {
            throw new IllegalStateException("Runner.close called while its loop runs; close it after run returns");
        }
        closed = true;
        try {
            cancelPendingTasks();
        } finally {
            loop.close();
        }
    }

    private void cancelPendingTasks() {
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
                loop.callExceptionHandler(new ErrorContext("unhandled exception in " + task
                        + " while its runner closed the loop", task.exception(), task, null));
            }
        }
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new IllegalStateException("Runner." + operation + " on a closed runner; make a new Runner");
        }
    }
}
