package org.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The future a gather waits on, as asyncio's {@code _GatheringFuture}: done when all its children
 * are, with their results (or {@link Outcome}s) in order; or, without outcomes, as soon as one child
 * fails or is cancelled, with that child's exception, while the others keep running. Cancelling it
 * cancels the children; it is then done, with a {@link CancellationException}, when they are.
 *
 * <p>Thread rule: loop-thread only.
 */
final class GatheringFuture<R> extends Future<List<R>> implements ChildWatcher, Runnable {

    private final List<Future<?>> children;
    private final boolean outcomes;
    private int finished;
    private boolean cancelRequested;
    /** Whether the outcome is decided and its setting scheduled; {@link #failure} is then the exception, if any. */
    private boolean decided;
    private Throwable failure;

    GatheringFuture(EventLoop loop, List<Future<?>> children, boolean outcomes) {
        super(loop);
        this.children = children;
        this.outcomes = outcomes;
    }

    /** Starts listening to the children; separate from construction so that {@code this} does not escape it. */
    GatheringFuture<R> listen() {
        for (Future<?> child : children) {
            if (child.isDone()) {
                childDone(child);
            } else {
                child.addWatcher(this);
            }
        }
        return this;
    }

    /**
     * Cancels every child that is not done, with {@code message}.
     *
     * @return whether any child was cancelled
     */
    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            any |= child.cancel(message);
        }
        cancelRequested |= any;
        return any;
    }

    /**
     * Hears that {@code child} is done, at once: counts it and, when that decides the gather, schedules
     * the setting of its outcome, so that it is set an iteration later, as asyncio's done callbacks are.
     */
    @Override
    public void childDone(Future<?> child) {
        finished++;
        if (decided || isDone()) {
            if (!child.isCancelled()) {
                child.exception();
            }
            return;
        }
        if (!outcomes) {
            if (child.isCancelled()) {
                decide(new CancellationException("a gathered child was cancelled: " + child));
                return;
            }
            Throwable exception = child.exception();
            if (exception != null) {
                decide(exception);
                return;
            }
        }
        if (finished == children.size()) {
            decide(cancelRequested ? new CancellationException("gather was cancelled") : null);
        }
    }

    /** Sets the decided outcome; scheduled by {@link #childDone}. */
    @Override
    public void run() {
        if (isDone()) {
            return;
        }
        if (failure != null) {
            setException(failure);
        } else {
            setResult(results());
        }
    }

    private void decide(Throwable exception) {
        decided = true;
        failure = exception;
        loop.schedule(this);
    }

    @SuppressWarnings("unchecked")
    private List<R> results() {
        List<R> results = new ArrayList<>(children.size());
        for (Future<?> child : children) {
            results.add((R) (outcomes ? outcomeOf(child) : child.result()));
        }
        return results;
    }

    private static Outcome<Object> outcomeOf(Future<?> child) {
        if (child.isCancelled()) {
            return new Outcome.Failure<>(new CancellationException(child + " was cancelled"));
        }
        Throwable exception = child.exception();
        return exception != null ? new Outcome.Failure<>(exception) : new Outcome.Success<>(child.result());
    }
}
