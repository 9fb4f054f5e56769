package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.SourceLines;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces (API section 6): an exception that passes through awaits after real
 * suspensions names each {@code @Async} method that awaited it, at the line of its {@code await},
 * innermost first, once each; one thrown inline keeps the plain Java trace; one another task failed
 * with shows that task's frames, then the awaiting task's. Lines are found by the
 * marker comments below.
 */
class AsyncStackTracesTest {

    /** The three methods as a trace shows them, innermost first: each at its marked line. */
    private static final List<String> AWAITING = List.of("inner:" + line("inner"), "middle:" + line("middle"),
            "outer:" + line("outer"));


    @Async
    static Coroutine<Void> outer(boolean suspend) {
        if (suspend) {
            await(sleep(Duration.ofSeconds(1)));
        }
        await(middle(suspend)); // at: outer
        return completed();
    }

    @Async
    static Coroutine<Void> middle(boolean suspend) {
        if (suspend) {
            await(sleep(Duration.ofSeconds(1)));
        }
        await(inner(suspend)); // at: middle
        return completed();
    }

    @Async
    static Coroutine<Void> inner(boolean suspend) {
        if (suspend) {
            await(sleep(Duration.ofSeconds(1)));
        }
        throw new IllegalStateException("three awaits deep"); // at: inner
    }

    @Async
    static Coroutine<Void> joiner() {
        Task<Void> failing = Asyncio.createTask(inner(true));
        await(failing); // at: joiner
        return completed();
    }

    @Async
    static Coroutine<Void> awaitsJoiner() {
        await(sleep(Duration.ofSeconds(1)));
        await(joiner()); // at: awaitsJoiner
        return completed();
    }

    @Async
    static Coroutine<Throwable> catching() {
        await(sleep(Duration.ofSeconds(1)));
        try {
            await(inner(true)); // at: catching
        } catch (IllegalStateException e) {
            return completed(e);
        }
        return completed(null);
    }

    @Async
    static Coroutine<Throwable> awaitsCatching() {
        return completed(await(catching())); // at: awaitsCatching
    }

    @Test
    void aCatchInAnAwaitingMethod_seesTheWholeChain_asAPlainCatchWould() {
        Throwable caught = VirtualTime.run(awaitsCatching());
        assertEquals(List.of("inner:" + line("inner"), "catching:" + line("catching"),
                "awaitsCatching:" + line("awaitsCatching")), shown(caught, "inner", "catching", "awaitsCatching"));
    }

    @Test
    void afterRealSuspensions_theTraceNamesEveryAwaitingMethodAtItsAwait_innermostFirst() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> VirtualTime.run(outer(true)));
        assertEquals(AWAITING, shown(thrown, "inner", "middle", "outer"));
    }

    @Test
    void inline_theTraceIsThePlainJavaOne() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> VirtualTime.run(outer(false)));
        assertEquals(AWAITING, shown(thrown, "inner", "middle", "outer"));
        StackTraceElement[] trace = thrown.getStackTrace();
        int step = indexOf(trace, "org.jasyncio.internal.Trampoline", "step");
        assertEquals(AsyncStackTracesTest.class.getName() + "$Async$outer", trace[step - 1].getClassName(),
                "nothing inserted above the task's first frame: " + Arrays.toString(trace));
    }

    @Test
    void anotherTasksFailure_showsThatTask_thenTheAwaitingChain() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> VirtualTime.run(awaitsJoiner()));
        assertEquals(List.of("inner:" + line("inner"), "joiner:" + line("joiner"),
                "awaitsJoiner:" + line("awaitsJoiner")), shown(thrown, "inner", "joiner", "awaitsJoiner"));
    }

    /** The elements of the {@code @Async} methods {@code names} of this class, as {@code method:line}, in trace order. */
    private static List<String> shown(Throwable thrown, String... names) {
        return Arrays.stream(thrown.getStackTrace())
                .filter(element -> element.getClassName().equals(AsyncStackTracesTest.class.getName())
                        && List.of(names).contains(element.getMethodName()))
                .map(element -> element.getMethodName() + ":" + element.getLineNumber())
                .toList();
    }

    private static int line(String marker) {
        return SourceLines.of(AsyncStackTracesTest.class, marker);
    }

    private static int indexOf(StackTraceElement[] trace, String className, String method) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(className) && trace[i].getMethodName().equals(method)) {
                return i;
            }
        }
        throw new AssertionError(className + "." + method + " not in " + Arrays.toString(trace));
    }
}
