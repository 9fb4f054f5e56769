/**
 * Synchronisation primitives for the tasks of one event loop, as asyncio's {@code locks}:
 * {@link org.jasyncio.sync.Lock}, {@link org.jasyncio.sync.Event}, {@link org.jasyncio.sync.Condition},
 * {@link org.jasyncio.sync.Semaphore}, {@link org.jasyncio.sync.BoundedSemaphore} and
 * {@link org.jasyncio.sync.Barrier}; waiters are served first-in first-out, and one cancelled while
 * waiting never ends up holding anything.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * @Async Coroutine<Void> increment() {
 *     await(lock.acquire());
 *     try { int seen = counter; await(sleep(0)); counter = seen + 1; } finally { lock.release(); }
 *     return completed();
 * }
 * }</pre>
 */
package org.jasyncio.sync;
