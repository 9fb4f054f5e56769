package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Shared;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.compiler.testing.Pace.failure;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code await} inside try, catch and finally blocks, and exceptions crossing awaits unchanged. */
class AwaitInExceptionHandlingTest {

    static final class Sample {
        @Async
        static Coroutine<String> fetch(String url) throws IOException {
            await(value(url));
            throw Shared.BROKEN;
        }

        @Async
        static Coroutine<String> checkedExceptionCaught() {
            try {
                await(fetch("http://example.invalid/"));
                return completed("not reached");
            } catch (IOException e) {
                return completed("caught " + e.getMessage() + " same=" + (e == Shared.BROKEN));
            }
        }

        @Async
        static Coroutine<List<String>> finallyAroundAwaits(boolean fail) {
            List<String> log = new ArrayList<>();
            try {
                log.add("try " + await(value(1)));
                if (fail) {
                    await(Pace.<String>failure(new IllegalStateException("boom")));
                }
                log.add("after");
            } catch (IllegalStateException e) {
                log.add("catch " + await(value(e.getMessage())));
            } finally {
                log.add("finally " + await(value(2)));
            }
            log.add("end");
            return completed(log);
        }

        @Async
        static Coroutine<String> nestedTries() {
            StringBuilder out = new StringBuilder();
            try {
                try {
                    out.append(await(value("a")));
                    throw new IllegalArgumentException("inner");
                } catch (IllegalArgumentException e) {
                    out.append(await(value("b")));
                    throw new IOException("outer", e);
                } finally {
                    out.append(await(value("c")));
                }
            } catch (IOException e) {
                out.append(await(value("d"))).append(e.getCause().getMessage());
            }
            return completed(out.toString());
        }

        @Async
        static Coroutine<List<String>> tryWithResources() throws IOException {
            List<String> log = new ArrayList<>();
            try (Resource first = new Resource(await(value("one")), log);
                 Resource second = new Resource("two", log)) {
                log.add("body " + await(value(first.name + second.name)));
            }
            try (Resource failing = new Resource(await(value("three")), log)) {
                log.add("using " + failing.name);
                await(fetch("in body"));
            } catch (IOException e) {
                log.add("caught " + e.getMessage() + " " + (e == Shared.BROKEN));
            }
            return completed(log);
        }

        @Async
        static Coroutine<String> cancelledWhileSleeping(List<String> log) {
            try {
                log.add("sleeping");
                await(sleep(Duration.ofHours(1)));
                log.add("woke");
            } finally {
                log.add("finally " + await(value("cleaned")));
            }
            return completed("not reached");
        }

        @Async
        static Coroutine<String> cancelsAnother(List<String> log) {
            Task<String> task = createTask(cancelledWhileSleeping(log));
            await(sleep(0));
            task.cancel();
            try {
                return completed(await(task));
            } catch (CancellationException e) {
                return completed("cancelled=" + task.isCancelled());
            }
        }

        @Async
        static Coroutine<String> rethrowsUnchanged() throws IOException {
            try {
                return completed(await(fetch("x")));
            } finally {
                await(value("cleanup"));
            }
        }
    }

    static final class Resource implements AutoCloseable {
        final String name;
        final List<String> log;

        Resource(String name, List<String> log) {
            this.name = name;
            this.log = log;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void checkedException_isCaught_byTheSourceCatchBlock_unchanged(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("caught broken pipe same=true", Samples.run(Sample.class, "checkedExceptionCaught"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void finallyBlocks_run_withAwaitsInTryCatchAndFinally(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(List.of("try 1", "after", "finally 2", "end"),
                Samples.run(Sample.class, "finallyAroundAwaits", false));
        assertEquals(List.of("try 1", "catch boom", "finally 2", "end"),
                Samples.run(Sample.class, "finallyAroundAwaits", true));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void nestedTries_route_eachExceptionToItsHandler(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("abcdinner", Samples.run(Sample.class, "nestedTries"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void tryWithResources_closes_inReverseOrder_acrossAwaits(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(List.of("open one", "open two", "body onetwo", "close two", "close one",
                        "open three", "using three", "close three", "caught broken pipe true"),
                Samples.run(Sample.class, "tryWithResources"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void cancellation_isThrownAtTheAwait_andFinallyRuns(Pace pace) throws Throwable {
        Pace.set(pace);
        List<String> log = new ArrayList<>();
        assertEquals("cancelled=true", Samples.run(Sample.class, "cancelsAnother", log));
        assertEquals(List.of("sleeping", "finally cleaned"), log);
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void exceptionLeavingTheCoroutine_isTheSameObject(Pace pace) {
        Pace.set(pace);
        IOException thrown = assertThrows(IOException.class, () -> Samples.run(Sample.class, "rethrowsUnchanged"));
        assertSame(Shared.BROKEN, thrown);
    }
}
