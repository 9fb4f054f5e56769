package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces (API section 6): an exception that passes through awaits after real
 * suspensions names each {@code @Async} method that awaited it, at the line of its {@code await},
 * innermost first, once each; one thrown inline keeps the plain Java trace. Lines are found by the
 * marker comments below.
 */
class AsyncStackTracesTest {

    private static final String SOURCE = "src/test/java/org/jasyncio/AsyncStackTracesTest.java";

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

    @Test
    void afterRealSuspensions_theTraceNamesEveryAwaitingMethodAtItsAwait_innermostFirst() throws IOException {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> VirtualTime.run(outer(true)));
        assertEquals(List.of("inner:" + line("inner"), "middle:" + line("middle"), "outer:" + line("outer")),
                methodsOfThisClass(thrown));
    }

    @Test
    void inline_theTraceIsThePlainJavaOne() throws IOException {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> VirtualTime.run(outer(false)));
        assertEquals(List.of("inner:" + line("inner"), "middle:" + line("middle"), "outer:" + line("outer")),
                methodsOfThisClass(thrown));
        StackTraceElement[] trace = thrown.getStackTrace();
        int step = indexOf(trace, "org.jasyncio.internal.Trampoline", "step");
        assertEquals(AsyncStackTracesTest.class.getName() + "$Async$outer", trace[step - 1].getClassName(),
                "nothing inserted above the task's first frame: " + Arrays.toString(trace));
    }

    /** The elements of the three {@code @Async} methods, as {@code method:line}, in trace order. */
    private static List<String> methodsOfThisClass(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace())
                .filter(element -> element.getClassName().equals(AsyncStackTracesTest.class.getName())
                        && List.of("inner", "middle", "outer").contains(element.getMethodName()))
                .map(element -> element.getMethodName() + ":" + element.getLineNumber())
                .toList();
    }

    private static int indexOf(StackTraceElement[] trace, String className, String method) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(className) && trace[i].getMethodName().equals(method)) {
                return i;
            }
        }
        throw new AssertionError(className + "." + method + " not in " + Arrays.toString(trace));
    }

    private static int line(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SOURCE));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// at: " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no marker " + marker);
    }
}
