package org.jasyncio.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Marks a test method that is a coroutine: it returns {@code Coroutine<?>} and may {@code await}, as
 * an {@code @Async} method does, and runs on a fresh event loop of its own.
 *
 * <pre>{@code
 * @AsyncTest(virtualTime = true)
 * Coroutine<Void> retriesAfterAnHour() {
 *     await(sleep(Duration.ofHours(1)));                       // no real time passes
 *     assertEquals(Duration.ofHours(1).toNanos(), getRunningLoop().time());
 *     return completed();
 * }
 * }</pre>
 *
 * <p>JUnit runs only {@code void} methods, so the jasyncio compiler (the Maven plugin's
 * {@code instrument-tests} goal, or the agent) renames the coroutine method and gives its name, its
 * parameters, its annotations and its {@code throws} clause to a {@code void} method that runs it
 * through {@link AsyncTestRunner}: reports and IDEs show and rerun the test by its own name, and
 * parameters JUnit resolves ({@code TestInfo}, {@code @TempDir}, ...) reach the coroutine. A method
 * carrying {@code @AsyncTest} that does not return {@code Coroutine} fails the build with its
 * {@code File.java:line}.
 *
 * <p>The test fails, besides with its own exception (which propagates unchanged), when:
 * <ul>
 *   <li>it leaves tasks pending: they are cancelled, not waited for, and the failure names each
 *       and where it was suspended;</li>
 *   <li>a future's or task's exception was never retrieved, or a callback's exception reached the
 *       loop's exception handler: checked when the test ends, not when the garbage collector runs;</li>
 *   <li>it runs longer than {@link #timeout()} in real time (in virtual time: it waits that long for
 *       I/O or another thread); the failure names where each task was suspended. A step that blocks
 *       the loop's thread (in {@code Thread.sleep}, a lock, blocking I/O) is interrupted one timeout
 *       later, and the failure also shows where it blocked.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
public @interface AsyncTest {

    /**
     * Whether the loop runs on virtual time: a clock that starts at 0 and jumps to the next timer
     * whenever the loop would wait, so that {@code sleep(Duration.ofHours(1))} takes no real time
     * and {@code EventLoop.time()} tells exactly how much virtual time passed. Waiting for I/O or for
     * another thread takes real time, as it must.
     */
    boolean virtualTime() default false;

    /** How long, in {@link #timeoutUnit()}s of real time, the test may run; must be positive. */
    long timeout() default 60;

    /** The unit of {@link #timeout()}. */
    TimeUnit timeoutUnit() default TimeUnit.SECONDS;
}
