package org.jasyncio.junit;

import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.time.Duration;

import org.jasyncio.Coroutine;

/**
 * What the {@code void} method the compiler generates for an {@link AsyncTest} method calls: runs
 * the test's coroutine on a fresh event loop with the settings of the calling method's
 * {@code @AsyncTest}. Not called by user code.
 *
 * <p>Thread rule: runs the loop on the calling thread, the one JUnit runs the test on; another loop
 * must not run there.
 */
public final class AsyncTestRunner {

    private static final StackWalker CALLERS = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE);

    private AsyncTestRunner() {
    }

    /**
     * Runs {@code test} as {@link AsyncTest} says, and returns when it passed.
     *
     * @throws Throwable the test's own exception, unchanged; an {@link AssertionError} when it left
     *         tasks pending or an exception never retrieved; a
     *         {@link java.util.concurrent.TimeoutException} when it timed out
     * @throws IllegalStateException when the caller is not a method annotated {@code @AsyncTest}
     */
    public static void run(Coroutine<?> test) throws Throwable {
        StackFrame caller = CALLERS.walk(frames -> frames.skip(1).findFirst()).orElseThrow();
        Method method = caller.getDeclaringClass().getDeclaredMethod(caller.getMethodName(),
                caller.getMethodType().parameterArray());
        AsyncTest settings = method.getAnnotation(AsyncTest.class);
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        if (settings == null) {
            throw new IllegalStateException("AsyncTestRunner.run is called by the void method the jasyncio compiler"
                    + " writes for an @AsyncTest method, but " + name + " is not annotated @AsyncTest; to run a"
                    + " coroutine from a plain method, use Asyncio.run");
        }
        if (settings.timeout() <= 0) {
            throw new IllegalArgumentException(name + ": @AsyncTest(timeout = " + settings.timeout() + ") must be"
                    + " positive; leave it out for the default of 60 seconds");
        }
        Duration timeout = Duration.of(settings.timeout(), settings.timeoutUnit().toChronoUnit());
        TestRun.run(test, name, settings.virtualTime(), timeout);
    }
}
