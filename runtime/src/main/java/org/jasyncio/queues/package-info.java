/**
 * Queues between the tasks of one event loop, as asyncio's {@code queues}: {@link org.jasyncio.queues.Queue},
 * {@link org.jasyncio.queues.PriorityQueue} and {@link org.jasyncio.queues.LifoQueue}, whose
 * {@code put} and {@code get} wait for room and for elements.
 *
 * <pre>{@code
 * Queue<String> jobs = new Queue<>(10);
 * @Async Coroutine<Void> worker() {
 *     while (true) { String job = await(jobs.get()); run(job); jobs.taskDone(); }
 * }
 * // producer: await(jobs.put("a")); ... await(jobs.join()); jobs.shutdown();
 * }</pre>
 */
package org.jasyncio.queues;
