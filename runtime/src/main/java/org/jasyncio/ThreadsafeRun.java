package org.jasyncio;

import java.util.concurrent.CompletableFuture;

/**
 * A coroutine submitted to a loop from another thread, as asyncio's {@code run_coroutine_threadsafe}:
 * the loop wraps it in a task, whose outcome completes a {@link CompletableFuture}; cancelling that
 * future cancels the task.
 *
 * <p>Thread rule: {@link #submit} from any thread; the task is made, cancelled and read on the loop
 * thread only, so {@link #task} needs no synchronisation.
 */
final class ThreadsafeRun<T> extends CompletableFuture<T> {

    private final EventLoop loop;
    private final Coroutine<T> coroutine;
    private Task<T> task;

    private ThreadsafeRun(EventLoop loop, Coroutine<T> coroutine) {
        this.loop = loop;
        this.coroutine = coroutine;
    }

    /**
     * Schedules {@code coroutine} on {@code loop}.
     *
     * @throws IllegalStateException if the loop is closed
     */
    static <T> CompletableFuture<T> submit(Coroutine<T> coroutine, EventLoop loop) {
        ThreadsafeRun<T> run = new ThreadsafeRun<>(loop, coroutine);
        loop.callSoonThreadsafe(run::start);
        return run;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            try {
                loop.callSoonThreadsafe(this::cancelTask);
            } catch (IllegalStateException closed) {
                // A closed loop has no task left to cancel.
            }
        }
        return cancelled;
    }

    /** On the loop thread: starts the task, unless this future was cancelled first. */
    private void start() {
        if (isDone()) {
            return;
        }
        try {
            task = loop.createTask(coroutine);
        } catch (RuntimeException e) {
            completeExceptionally(e);
            return;
        }
        task.addDoneCallback(this::copyOutcome);
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel();
        }
    }

    private void copyOutcome(Future<T> done) {
        if (done.isCancelled()) {
            super.cancel(false);
        } else if (done.exception() != null) {
            completeExceptionally(done.exception());
        } else {
            complete(done.result());
        }
    }
}
