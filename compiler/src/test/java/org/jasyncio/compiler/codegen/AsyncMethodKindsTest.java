package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every kind of method API rule 1 allows to be {@code @Async}, and the call that runs none of the body. */
class AsyncMethodKindsTest {

    static class Counter {
        private int count;
        final AtomicInteger bodiesStarted = new AtomicInteger();

        @Async
        Coroutine<Integer> add(int amount) {
            bodiesStarted.incrementAndGet();
            count += await(value(amount));
            return completed(count);
        }

        @Async
        private Coroutine<Integer> twice(int amount) {
            await(add(amount));
            return add(amount);
        }

        @Async
        final Coroutine<Integer> viaPrivate(int amount) {
            return completed(await(twice(amount)) + count);
        }

        @Async
        <T extends Comparable<T>> Coroutine<T> max(List<T> items) {
            T best = null;
            for (T item : items) {
                T awaited = await(value(item));
                best = best == null || awaited.compareTo(best) > 0 ? awaited : best;
            }
            return completed(best);
        }

        @Async
        Coroutine<String> joined(String separator, String... parts) {
            return completed(String.join(await(value(separator)), parts));
        }

        @Async
        synchronized Coroutine<Integer> synchronizedWithoutAwait() {
            return completed(Thread.holdsLock(this) ? 1 : 0);
        }

        @Async
        Coroutine<Void> nothing() {
            await(value("ignored"));
            return completed();
        }

        @Async
        Coroutine<String> overloaded(String s) {
            return completed("s:" + await(value(s)));
        }

        @Async
        Coroutine<String> overloaded(int i) {
            return completed("i:" + await(value(i)));
        }
    }

    static final class SubCounter extends Counter {
        @Override
        @Async
        Coroutine<Integer> add(int amount) {
            return completed(await(super.add(amount * 100)));
        }
    }

    interface Greeter {
        String name();

        @Async
        default Coroutine<String> greet(String greeting) {
            return completed(await(value(greeting)) + ", " + name() + await(suffix()));
        }

        @Async
        private Coroutine<String> suffix() {
            return completed(await(value("!")));
        }

        @Async
        static Coroutine<String> greetAll(List<? extends Greeter> greeters) {
            StringBuilder out = new StringBuilder();
            for (Greeter greeter : greeters) {
                out.append(await(greeter.greet("hi"))).append(' ');
            }
            return completed(out.toString().trim());
        }
    }

    record Person(String name) implements Greeter {
    }

    static final class Sample {
        @Async
        static Coroutine<String> instanceMethods() {
            Counter counter = new Counter();
            int first = await(counter.add(2));
            int viaPrivate = await(counter.viaPrivate(3));
            Counter sub = new SubCounter();
            int overridden = await(sub.add(1));
            return completed(first + " " + viaPrivate + " " + overridden + " " + counter.count);
        }

        @Async
        static Coroutine<String> genericVarargsAndOverloads() {
            Counter counter = new Counter();
            String max = await(counter.max(List.of("pear", "apple", "zucchini", "fig")));
            String joined = await(counter.joined("-", "a", "b", "c"));
            Void nothing = await(counter.nothing());
            return completed(max + " " + joined + " " + nothing + " " + await(counter.overloaded("x"))
                    + " " + await(counter.overloaded(7)) + " " + await(counter.synchronizedWithoutAwait()));
        }

        @Async
        static Coroutine<String> interfaceMethods() {
            return Greeter.greetAll(List.<Greeter>of(new Person("ann"),
                    new Person("bob")));
        }
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void instanceMethods_privateFinalAndOverridden_run(Pace pace) throws Throwable {
        Pace.set(pace);
        // add(2) -> 2; viaPrivate(3): add(3) -> 5, add(3) -> 8, + count 8 = 16; sub.add(1) -> super.add(100) -> 100
        assertEquals("2 16 100 8", Samples.run(Sample.class, "instanceMethods"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void genericVarargsVoidOverloadedAndSynchronized_run(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("zucchini a-b-c null s:x i:7 1", Samples.run(Sample.class, "genericVarargsAndOverloads"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void interfaceDefaultPrivateAndStaticMethods_run(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("hi, ann! hi, bob!", Samples.run(Sample.class, "interfaceMethods"));
    }

    @Test
    void callingAnAsyncMethod_runsNoneOfItsBody_untilItIsAwaited() throws Exception {
        Class<?> counterClass = Class.forName(Counter.class.getName(), true,
                Samples.instrumented(Sample.class).getClassLoader());
        var constructor = counterClass.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object counter = constructor.newInstance();
        var startedField = counterClass.getDeclaredField("bodiesStarted");
        startedField.setAccessible(true);
        AtomicInteger started = (AtomicInteger) startedField.get(counter);
        Pace.set(Pace.NOW);
        Coroutine<?> coroutine = (Coroutine<?>) Samples.invoke(counter, "add", 5);
        assertEquals(0, started.get());
        assertEquals(5, Asyncio.run(coroutine));
        assertEquals(1, started.get());
        assertThrows(IllegalStateException.class, () -> Asyncio.run(coroutine));
    }
}
