package org.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    private final List<? extends Awaitable<?>> awaitables;
    private final boolean outcomes;
    private int state;

    Gather(List<? extends Awaitable<?>> awaitables, boolean outcomes) {
        this.awaitables = awaitables;
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
        Map<Awaitable<?>, Future<?>> futures = new IdentityHashMap<>();
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        for (Awaitable<?> awaitable : awaitables) {
            children.add(futures.computeIfAbsent(awaitable, loop::toFuture));
        }
        state = 1;
        // A new gathering future is pending, so this always suspends.
        return Await.await(new GatheringFuture<R>(loop, children, outcomes).listen(), this);
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
        return (outcomes ? "gatherOutcomes(" : "gather(") + awaitables.size() + " awaitables)";
    }
}
