package org.jasyncio.junit;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;

/**
 * The coroutine of a test's main task: awaits the test's coroutine inline, keeps its exception, and
 * the moment it ends, before any other task takes another step, notes the tasks it left pending,
 * where each is suspended, and cancels them. It never throws: what the test did is read from it.
 *
 * <p>States: 0, not started; 1, waiting for the test to end; then done.
 */
final class TestBody extends AsyncFrame<Void> {

    private final Coroutine<?> test;
    private int state;
    private Throwable failure;
    private final List<Task<?>> leftPending = new ArrayList<>();
    private final StringBuilder whereLeft = new StringBuilder();

    TestBody(Coroutine<?> test) {
        this.test = test;
    }

    @Override
    protected Object resume() {
        try {
            if (state == 0) {
                state = 1;
                if (Await.await(test, this) == Await.SUSPENDED) {
                    return Await.SUSPENDED;
                }
            } else {
                Await.resumed(this);
            }
        } catch (Throwable t) {
            failure = t;
        }
        Task<?> self = Asyncio.currentTask();
        for (Task<?> task : Asyncio.allTasks()) {
            if (task != self) {
                leftPending.add(task);
                whereLeft.append(Asyncio.formatCallGraph(task));
            }
        }
        for (Task<?> task : leftPending) {
            task.cancel("the test ended and left this task pending");
        }
        return null;
    }

    /** The test's own exception, or {@code null} when it returned normally. */
    Throwable failure() {
        return failure;
    }

    /** The tasks, other than this one, that were not done when the test ended; cancelled since. */
    List<Task<?>> leftPending() {
        return leftPending;
    }

    /** The call graph of each of {@link #leftPending()}, as the test left it. */
    String whereLeft() {
        return whereLeft.toString();
    }

    @Override
    public String toString() {
        return "@AsyncTest " + test;
    }
}
