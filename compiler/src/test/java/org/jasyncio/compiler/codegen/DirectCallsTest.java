package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.queues.Queue;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Awaiting the call of an {@code @Async} method at once, {@code await(f(args))}, runs {@code f}'s
 * body through its direct entry: no coroutine object unless it suspends, the receiver's own
 * override, and the same outcome, order of effects and stack traces as a coroutine held first.
 */
class DirectCallsTest {

    static class Chain {
        @Async
        static Coroutine<Integer> leaf(int x) {
            return completed(x + 1);
        }

        @Async
        static Coroutine<Integer> mid(int x) {
            return completed(await(leaf(x)) * 2);
        }

        /** Each await of {@code mid} awaits {@code leaf} in turn; every result is a cached small Integer. */
        @Async
        static Coroutine<Long> direct(int n) {
            long total = 0;
            for (int i = 0; i < n; i++) {
                total += await(mid(i & 31));
            }
            return completed(total);
        }

        /** The same awaits, of coroutines held in a variable first: each is an object. */
        @Async
        static Coroutine<Long> held(int n) {
            long total = 0;
            for (int i = 0; i < n; i++) {
                Coroutine<Integer> pending = mid(i & 31);
                total += await(pending);
            }
            return completed(total);
        }
    }

    @Test
    void awaitsThatCompleteAtOnce_allocateNoCoroutine_whenAwaitedStraightFromTheCall() throws Throwable {
        int awaits = 200_000;
        Samples.run(Chain.class, "direct", 1_000);
        Samples.run(Chain.class, "held", 1_000);
        long expected = 0;
        for (int i = 0; i < awaits; i++) {
            expected += ((i & 31) + 1) * 2L;
        }
        long[] direct = allocated(() -> Samples.run(Chain.class, "direct", awaits), expected);
        long[] held = allocated(() -> Samples.run(Chain.class, "held", awaits), expected);
        // Two awaits per iteration: a held coroutine is at least two objects of 16 B or more.
        System.out.println("ALLOC direct " + direct[0] + " held " + held[0]);
        assertTrue(held[0] > 32L * awaits, () -> "held: " + held[0] + " B");
        assertTrue(direct[0] < 2L * awaits, () -> "direct: " + direct[0] + " B for " + awaits + " iterations");
    }

    interface Run {
        Object run() throws Throwable;
    }

    /** The bytes this thread allocated while {@code run} ran, after checking its result. */
    private static long[] allocated(Run run, long expected) throws Throwable {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Object result = run.run();
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(expected, result);
        return new long[] {bytes};
    }

    static class Base {
        @Async
        Coroutine<String> name(String suffix) {
            return completed("base" + await(value(suffix)));
        }
    }

    static class PlainOverride extends Base {
        @Override
        Coroutine<String> name(String suffix) {
            return Asyncio.completed("plain" + suffix);
        }
    }

    static class AsyncOverride extends Base {
        @Override
        @Async
        Coroutine<String> name(String suffix) {
            return completed("async" + await(value(suffix)) + await(super.name(suffix)));
        }
    }

    static class Inheriting extends Base {
    }

    static final class Overrides {
        @Async
        static Coroutine<String> names() {
            List<String> names = new ArrayList<>();
            for (Base base : List.of(new Base(), new PlainOverride(), new AsyncOverride(), new Inheriting())) {
                names.add(await(base.name("!")));
            }
            return completed(String.join(" ", names));
        }
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void aVirtualCall_runsTheReceiversOwnMethod_asyncOrNot(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("base! plain! async!base! base!", Samples.run(Overrides.class, "names"));
    }

    /** A user's queue whose {@code get} does more than the runtime's: awaiting it must run this override. */
    static final class CountingQueue<E> extends Queue<E> {
        int gets;

        @Override
        public Coroutine<E> get() {
            gets++;
            return super.get();
        }
    }

    static final class RuntimeCoroutines {
        @Async
        static Coroutine<String> consume(Queue<String> queue, int n) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.append(await(queue.get()));
            }
            return completed(out.toString());
        }

        @Async
        static Coroutine<String> produce(Queue<String> queue, String items) {
            for (char item : items.toCharArray()) {
                await(queue.put(String.valueOf(item)));
                await(sleep(Duration.ofMillis(1)));
            }
            return completed("done");
        }

        @Async
        static Coroutine<String> handOff() {
            CountingQueue<String> counting = new CountingQueue<>();
            Queue<String> bounded = new Queue<>(1);
            Task<String> consumer = createTask(consume(bounded, 4));
            Task<String> countingConsumer = createTask(consume(counting, 3));
            await(sleep(0));
            String produced = await(produce(bounded, "abcd")) + await(produce(counting, "xyz"));
            return completed(produced + " " + await(consumer) + " " + await(countingConsumer) + " " + counting.gets);
        }
    }

    @Test
    void theRuntimesQueueAndSleep_awaitedStraightAway_behaveAsTheirCoroutines_andAUsersOverrideRuns() throws Throwable {
        assertEquals("donedone abcd xyz 3", Samples.run(RuntimeCoroutines.class, "handOff"));
    }

    static final class NullReceiver {
        @Async
        static Coroutine<String> onNull() {
            Base none = null;
            return completed(await(none.name("!")));
        }
    }

    @Test
    void aNullReceiver_throwsNullPointerException_atTheAwait() {
        NullPointerException thrown = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> Samples.run(NullReceiver.class, "onNull"));
        assertEquals("Cannot invoke \"" + Base.class.getName() + ".name()\" because the receiver is null",
                thrown.getMessage());
        assertTrue(java.util.Arrays.stream(thrown.getStackTrace()).anyMatch(element ->
                element.getClassName().equals(NullReceiver.class.getName()) && element.getMethodName().equals("onNull")
                        && element.getLineNumber() > 0), () -> java.util.Arrays.toString(thrown.getStackTrace()));
    }

    static final class Nested {
        static final List<String> EVENTS = new ArrayList<>();

        @Async
        static Coroutine<Void> level(int depth) {
            EVENTS.add("enter " + depth);
            try {
                if (depth == 0) {
                    await(sleep(60_000));
                } else {
                    await(level(depth - 1));
                }
            } finally {
                EVENTS.add("finally " + depth);
            }
            return completed();
        }

        @Async
        static Coroutine<String> cancelled() {
            Task<Void> task = createTask(level(3));
            await(sleep(0));
            task.cancel();
            try {
                await(task);
                return completed("not cancelled");
            } catch (CancellationException e) {
                return completed(String.join(", ", EVENTS));
            }
        }

        @Async
        static Coroutine<Integer> failing(int depth) {
            if (depth == 0) {
                await(value(0));
                throw new IllegalStateException("deep");
            }
            return completed(await(failing(depth - 1)) + 1);
        }
    }

    @Test
    void aTaskSuspendedThreeDirectCallsDeep_isCancelledThere_andEveryFinallyRuns_innermostFirst() throws Throwable {
        Nested.EVENTS.clear();
        assertEquals("enter 3, enter 2, enter 1, enter 0, finally 0, finally 1, finally 2, finally 3",
                Samples.run(Nested.class, "cancelled"));
    }

    @Test
    void anExceptionAfterASuspension_namesEveryDirectlyCalledFrame() {
        Pace.set(Pace.LATER);
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Samples.run(Nested.class, "failing", 3));
        long frames = java.util.Arrays.stream(thrown.getStackTrace())
                .filter(element -> element.getClassName().equals(Nested.class.getName())
                        && element.getMethodName().equals("failing"))
                .count();
        assertEquals(4, frames, () -> java.util.Arrays.toString(thrown.getStackTrace()));
    }
}
