package org.jasyncio;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * The coroutine of {@link Asyncio#taskGroup}, as asyncio's {@code async with TaskGroup()}: runs the
 * body inline, in the awaiting task, with a new {@link TaskGroup}, then waits until the group's
 * tasks are all done, and ends as asyncio's {@code TaskGroup.__aexit__} does.
 *
 * <p>How it ends, in order: a cancellation from outside that is still pending (the task's
 * {@link Task#cancelling()} count, less the group's own request) stays a
 * {@link CancellationException}, unless tasks failed; failures (the tasks', in the order they
 * happened, then the body's) make a {@link TaskGroupException}; otherwise the body's result.
 *
 * <p>States: 0, not started; 1, waiting for the body; 2, waiting for the group's last task.
 */
final class TaskGroupScope<T> extends AsyncFrame<T> {

    private final Function<? super TaskGroup, ? extends Awaitable<T>> body;
    private TaskGroup group;
    private int state;
    private Object bodyResult;
    private Throwable bodyFailure;
    /** The cancellation to let out at the end, unless taken back or outweighed by failures. */
    private CancellationException cancellation;

    TaskGroupScope(Function<? super TaskGroup, ? extends Awaitable<T>> body) {
        this.body = body;
    }

    @Override
    protected Object resume() {
        return switch (state) {
            case 0 -> start();
            case 1 -> bodyResumed();
            default -> tasksDone();
        };
    }

    private Object start() {
        Task<?> task = (Task<?>) driver();
        group = new TaskGroup(task.loop(), task);
        try {
            Awaitable<T> awaitable = Objects.requireNonNull(body.apply(group), "the task group's body returned null");
            Object result = Await.await(awaitable, this);
            if (result == Await.SUSPENDED) {
                state = 1;
                return Await.SUSPENDED;
            }
            bodyResult = result;
        } catch (Throwable t) {
            bodyFailure = t;
        }
        return bodyDone();
    }

    private Object bodyResumed() {
        try {
            bodyResult = Await.resumed(this);
        } catch (Throwable t) {
            bodyFailure = t;
        }
        return bodyDone();
    }

    private Object bodyDone() {
        group.exiting();
        if (bodyFailure != null) {
            if (bodyFailure instanceof CancellationException cancelled) {
                cancellation = cancelled;
            }
            if (!group.isAborting()) {
                group.abort();
            }
        }
        return waitForTasks();
    }

    private Object tasksDone() {
        try {
            Await.resumed(this);
        } catch (CancellationException cancelled) {
            // Cancelled from outside while waiting: the group's tasks are cancelled too.
            if (!group.isAborting()) {
                cancellation = cancelled;
                group.abort();
            }
        }
        return waitForTasks();
    }

    private Object waitForTasks() {
        Future<Void> allDone = group.allDone();
        if (allDone == null) {
            return end();
        }
        state = 2;
        // A future made just now is pending, so this always suspends.
        return Await.await(allDone, this);
    }

    private Object end() {
        group.finished();
        Task<?> parent = group.parent();
        if (group.cancelledParent() && parent.uncancel() == 0) {
            cancellation = null;
        }
        List<Throwable> errors = group.errors();
        if (cancellation != null && errors.isEmpty()) {
            throw cancellation;
        }
        if (bodyFailure != null && !(bodyFailure instanceof CancellationException)) {
            errors.add(bodyFailure);
        }
        if (errors.isEmpty()) {
            return bodyResult;
        }
        if (parent.cancelling() > 0) {
            // A cancellation from outside is pending: request it again, so that it is thrown at the
            // parent's next await, while the count stays as it was.
            parent.uncancel();
            parent.cancel();
        }
        throw Throwing.sneaky(new TaskGroupException(errors));
    }

    @Override
    public String toString() {
        return "taskGroup(" + body + ")";
    }
}
