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
final class GatheringFuture<R> extends Future<List<R>> {

    private final List<Future<?>> children;
    private final boolean outcomes;
    private int finished;
    private boolean cancelRequested;

    GatheringFuture(EventLoop loop, List<Future<?>> children, boolean outcomes) {
        super(loop);
        this.children = children;
        this.outcomes = outcomes;
    }

    /** Starts listening to the children; separate from construction so that {@code this} does not escape it. */
    GatheringFuture<R> listen() {
        for (Future<?> child : children) {
            child.addDoneCallback(this::childDone);
        }
        return this;
    }

    /**
     * Cancels every child that is not done.
     *
     * @return whether any child was cancelled
     */
    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            any |= child.cancel();
        }
        cancelRequested |= any;
        return any;
    }

    private void childDone(Future<?> child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.exception();
            }
            return;
        }
        if (!outcomes) {
            if (child.isCancelled()) {
                setException(new CancellationException("a gathered child was cancelled: " + child));
                return;
            }
            Throwable exception = child.exception();
            if (exception != null) {
                setException(exception);
                return;
            }
        }
        if (finished == children.size()) {
            if (cancelRequested) {
                setException(new CancellationException("gather was cancelled"));
            } else {
                setResult(results());
            }
        }
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
