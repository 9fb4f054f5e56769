/**
 * JUnit 5 and 6 support: {@link org.jasyncio.junit.AsyncTest} test methods are coroutines, each run
 * on a fresh event loop, on virtual time if asked, and fail when they leave tasks pending or an
 * exception nobody retrieved. The jasyncio compiler must see the test classes: the Maven plugin's
 * {@code instrument-tests} goal, or the agent.
 *
 * <pre>{@code
 * class RetryTest {
 *     @AsyncTest(virtualTime = true)
 *     Coroutine<Void> retriesAfterOneTwoAndFourMinutes() {
 *         assertEquals("ok", await(client.fetchWithRetries()));   // 7 minutes of backoff, no real wait
 *         assertEquals(Duration.ofMinutes(7).toNanos(), getRunningLoop().time());
 *         return completed();
 *     }
 * }
 * }</pre>
 */
package org.jasyncio.junit;
