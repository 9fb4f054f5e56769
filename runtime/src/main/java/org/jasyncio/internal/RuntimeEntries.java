package org.jasyncio.internal;

import java.time.Duration;
import java.util.Objects;

import org.jasyncio.queues.LifoQueue;
import org.jasyncio.queues.PriorityQueue;
import org.jasyncio.queues.Queue;

/**
 * The direct entries of the runtime's own most awaited coroutines, which {@link DirectCalls} binds
 * {@code await(sleep(d))}, {@code await(queue.get())} and {@code await(queue.put(x))} to: each does
 * what awaiting the coroutine would, without making it unless it must wait. Not for user code.
 *
 * <p>Thread rule: called only on the loop thread of {@code task}.
 */
public final class RuntimeEntries {

    private RuntimeEntries() {
    }

    /** {@code await(Asyncio.sleep(delay))}: suspends the task with no coroutine object. */
    public static Object sleep(Duration delay, Trampoline<?> task) {
        return task.sleep(Objects.requireNonNull(delay, "delay"));
    }

    /** {@code await(Asyncio.sleep(millis))}. */
    public static Object sleep(long millis, Trampoline<?> task) {
        return task.sleep(Duration.ofMillis(millis));
    }

    /** {@code await(queue.get())}: the next element at once when there is one; else waits, as the coroutine does. */
    public static Object get(Queue<?> queue, Trampoline<?> task) {
        if (isRuntimes(queue) && !queue.isEmpty()) {
            return queue.getNowait();
        }
        return Await.await(queue.get(), task);
    }

    /** {@code await(queue.put(item))}: adds it at once when there is room; else waits, as the coroutine does. */
    public static <E> Object put(Queue<E> queue, E item, Trampoline<?> task) {
        if (isRuntimes(queue) && !queue.isFull()) {
            queue.putNowait(Objects.requireNonNull(item, "a queue's elements cannot be null"));
            return null;
        }
        return Await.await(queue.put(item), task);
    }

    /** Whether {@code queue}'s {@code get} and {@code put} are the runtime's, not a subclass's override. */
    private static boolean isRuntimes(Queue<?> queue) {
        Class<?> type = queue.getClass();
        return type == Queue.class || type == LifoQueue.class || type == PriorityQueue.class;
    }
}
