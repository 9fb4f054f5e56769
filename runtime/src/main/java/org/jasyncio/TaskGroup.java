package org.jasyncio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The tasks of one {@link Asyncio#taskGroup} scope, as asyncio's {@code TaskGroup}: the scope's body
 * receives it and starts tasks with {@link #createTask}; the scope ends when the body and every task
 * are done.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #createTask}</th><th>next</th></tr>
 *   <tr><td>running</td><td>starts a task</td><td>aborting, on the first failure of a task or of the
 *       body, or when the scope's task is cancelled; finished, when the body and every task are done</td></tr>
 *   <tr><td>aborting</td><td>throws {@link IllegalStateException} (shutting down)</td><td>finished,
 *       once every task, cancelled now, is done</td></tr>
 *   <tr><td>finished</td><td>throws {@link IllegalStateException}</td><td>none</td></tr>
 * </table>
 * Aborting cancels the body, at its {@code await}, and every task not done. A task that fails is
 * recorded in the order failures happen; cancelled tasks are not failures.
 *
 * <p>Thread rule: loop-thread only; the group hears of its tasks as they finish, with no callback
 * object per task.
 */
public final class TaskGroup implements ChildWatcher {

    private final EventLoop loop;
    /** The task that runs the scope. */
    private final Task<?> parent;
    /** The tasks not done yet, in no particular order; each knows its index ({@link Task#groupIndex}). */
    private Task<?>[] running = new Task<?>[8];
    private int runningCount;
    private final List<Throwable> errors = new ArrayList<>(0);
    private boolean aborting;
    private boolean exiting;
    private boolean finished;
    /** Whether the group cancelled its parent task, a request it must take back when it ends. */
    private boolean parentCancelRequested;
    /** Completed when the last task is done, while the scope waits for it. */
    private Future<Void> allDone;

    TaskGroup(EventLoop loop, Task<?> parent) {
        this.loop = loop;
        this.parent = parent;
    }

    /**
     * Starts {@code coroutine} as a task of this group, as asyncio's {@code TaskGroup.create_task}.
     *
     * @throws IllegalStateException if the group is finished or shutting down after a failure, or the
     *         coroutine was used before
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /** As {@link #createTask(Coroutine)}, naming the task {@code name} ({@code null}: the default). */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        if (finished || exiting && runningCount == 0) {
            throw new IllegalStateException("createTask on a task group that is finished: " + this);
        }
        if (aborting) {
            throw new IllegalStateException("createTask on a task group that is shutting down after a failure"
                    + " or a cancellation: " + this);
        }
        Task<T> task = loop.createTask(coroutine, name);
        if (runningCount == running.length) {
            running = Arrays.copyOf(running, runningCount * 2);
        }
        task.groupIndex = runningCount;
        running[runningCount++] = task;
        ((Future<T>) task).addWatcher(this);
        return task;
    }

    @Override
    public String toString() {
        return "TaskGroup[" + runningCount + " tasks running" + (aborting ? ", aborting" : "")
                + (finished ? ", finished" : "") + "]";
    }

    /** Hears that one of the group's tasks is done; a failure aborts the group and cancels its parent. */
    @Override
    public void childDone(Future<?> child) {
        Task<?> task = (Task<?>) child;
        int at = task.groupIndex;
        Task<?> last = running[--runningCount];
        running[at] = last;
        last.groupIndex = at;
        running[runningCount] = null;
        task.groupIndex = -1;
        if (runningCount == 0 && allDone != null && !allDone.isDone()) {
            allDone.setResult(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable exception = task.exception();
        if (exception == null) {
            return;
        }
        errors.add(exception);
        if (!aborting && !parentCancelRequested && !parent.isDone()) {
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    /** Cancels every task not done; from now on {@link #createTask} refuses. */
    void abort() {
        aborting = true;
        // Cancelling does not finish a task at once, so the array does not change under this loop.
        for (int i = 0; i < runningCount; i++) {
            running[i].cancel();
        }
    }

    /** Called when the body is done: from now on, the group ends when its last task does. */
    void exiting() {
        exiting = true;
    }

    boolean isAborting() {
        return aborting;
    }

    /** A future completed when no task is left, or {@code null} when none is left now. */
    Future<Void> allDone() {
        if (runningCount == 0) {
            return null;
        }
        allDone = loop.createFuture();
        return allDone;
    }

    /** The failures of the tasks, in the order they happened. */
    List<Throwable> errors() {
        return errors;
    }

    /** Marks the group finished: {@link #createTask} refuses from now on. */
    void finished() {
        finished = true;
    }

    /** Whether the group cancelled its parent task after a failure: a request it must take back. */
    boolean cancelledParent() {
        return parentCancelRequested;
    }

    Task<?> parent() {
        return parent;
    }
}
