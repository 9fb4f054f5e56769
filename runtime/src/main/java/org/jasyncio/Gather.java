package org.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;

/**
 * The coroutine of {@link Asyncio#gather} and {@link Asyncio#gatherOutcomes}: when it starts, makes
 * its children tasks (futures and tasks are used as they are; an awaitable given twice is awaited
 * once), then waits on a {@link GatheringFuture} of them. Cancelling the task that awaits it cancels
 * the children, through that future.
 *
 * <p>States: 0, not started; 1, waiting for the children.
 */
final class Gather<R> extends AsyncFrame<List<R>> {

    /** What to gather; dropped once they are futures, so that they do not outlive their tasks. */
    private List<? extends Awaitable<?>> awaitables;
    private final int count;
    private final boolean outcomes;
    private int state;

    Gather(List<? extends Awaitable<?>> awaitables, boolean outcomes) {
        this.awaitables = awaitables;
        this.count = awaitables.size();
        this.outcomes = outcomes;
    }

    @Override
    protected Object resume() {
        if (state == 1) {
            return Await.resumed(this);
        }
        if (awaitables.isEmpty()) {
            return new ArrayList<R>();
        }
        EventLoop loop = Asyncio.getRunningLoop();
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        for (Awaitable<?> awaitable : awaitables) {
            children.add(awaitable instanceof Future<?> future ? future : taskFor((Coroutine<?>) awaitable, loop, children));
        }
        awaitables = null;
        state = 1;
        // A new gathering future is pending, so this always suspends.
        return Await.await(new GatheringFuture<R>(loop, children, outcomes).listen(), this);
    }

    /**
     * A new task for {@code coroutine}; or, for a coroutine given twice, the task made for it earlier
     * in {@code children}, as asyncio awaits an awaitable given twice once. Looked for only then, so
     * that a million coroutines cost no map.
     */
    private static Future<?> taskFor(Coroutine<?> coroutine, EventLoop loop, List<Future<?>> children) {
        try {
            return loop.createTask(coroutine);
        } catch (IllegalStateException claimedBefore) {
            for (Future<?> child : children) {
                if (child instanceof Task<?> task && task.isAboutToStart(coroutine)) {
                    return task;
                }
            }
            throw claimedBefore;
        }
    }

    /** Copies {@code awaitables}, rejecting {@code null}s now rather than when the gather starts. */
    static List<Awaitable<?>> copy(Iterable<? extends Awaitable<?>> awaitables) {
        List<Awaitable<?>> copy = new ArrayList<>();
        for (Awaitable<?> awaitable : awaitables) {
            copy.add(Objects.requireNonNull(awaitable, "a gathered awaitable is null"));
        }
        return copy;
    }

    @Override
    public String toString() {
        return (outcomes ? "gatherOutcomes(" : "gather(") + count + " awaitables)";
    }
}
