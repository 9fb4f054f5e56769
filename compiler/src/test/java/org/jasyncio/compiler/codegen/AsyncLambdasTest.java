package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.failure;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Async lambdas (API section 6): a lambda whose function type returns {@code Coroutine} or
 * {@code Awaitable} may await, in any method; calling it runs none of its body. Method references to
 * {@code @Async} methods fit the same function types.
 */
class AsyncLambdasTest {

    /** A function type that returns an {@code Awaitable}, as scope bodies do. */
    interface Body<T> {
        Awaitable<T> run(String name);
    }

    static final class Sample {
        static final List<String> EVENTS = new ArrayList<>();
        private final String greeting;

        Sample(String greeting) {
            this.greeting = greeting;
        }

        /** Made in a plain method: the lambda captures an argument and a local. */
        static Supplier<Coroutine<String>> later(String prefix) {
            String suffix = "!";
            return () -> completed(prefix + await(value("x")) + suffix);
        }

        @Async
        static Coroutine<String> capturedLocals() {
            int base = await(value(1));
            long wide = 10L;
            Function<Integer, Coroutine<Long>> add = n -> completed(await(value(n + base)) + wide);
            return completed(await(add.apply(5)) + " " + await(later("a").get()));
        }

        @Async
        Coroutine<String> capturedThis() {
            Body<String> body = name -> completed(greeting + ", " + await(value(name)));
            return completed(await(body.run("ann")));
        }

        @Async
        static Coroutine<Integer> nested() {
            Function<Integer, Coroutine<Integer>> outer = n -> {
                Supplier<Coroutine<Integer>> inner = () -> completed(await(value(n)) + 1);
                return completed(await(inner.get()) * 10);
            };
            return completed(await(outer.apply(4)) + await(outer.apply(5)));
        }

        @Async
        static Coroutine<String> failing() {
            Supplier<Coroutine<String>> fails = () -> {
                try {
                    return completed(await(failure(new IllegalStateException("boom"))));
                } catch (IllegalStateException e) {
                    return completed("caught " + e.getMessage() + " " + await(value(1)));
                }
            };
            return fails.get();
        }

        @Async
        static Coroutine<String> notRunUntilAwaited() {
            EVENTS.clear();
            Supplier<Coroutine<String>> recorded = () -> {
                EVENTS.add("body");
                return completed(await(value("done")));
            };
            Coroutine<String> coroutine = recorded.get();
            EVENTS.add("called");
            String result = await(coroutine);
            EVENTS.add("awaited");
            return completed(String.join(" ", EVENTS) + " " + result);
        }

        @Async
        static Coroutine<String> withoutAwait_staysPlain() {
            EVENTS.clear();
            Supplier<Coroutine<String>> plain = () -> {
                EVENTS.add("body");
                return completed("plain");
            };
            Coroutine<String> coroutine = plain.get();
            EVENTS.add("called");
            return completed(String.join(" ", EVENTS) + " " + await(coroutine));
        }

        @Async
        Coroutine<String> greet(String name) {
            return completed(greeting + " " + await(value(name)));
        }

        @Async
        static Coroutine<Integer> twice(int n) {
            return completed(await(value(n)) * 2);
        }

        @Async
        static Coroutine<String> methodReferences() {
            Sample sample = new Sample("hi");
            Function<String, Coroutine<String>> bound = sample::greet;
            Function<Integer, Coroutine<Integer>> unbound = Sample::twice;
            Body<String> asBody = sample::greet;
            return completed(await(bound.apply("bob")) + " " + await(unbound.apply(21)) + " "
                    + await(asBody.run("cy")));
        }

        @Async
        static Coroutine<String> instance() {
            return new Sample("hello").capturedThis();
        }
    }

    /** Each sample, at each pace, with its result: the cases of the brief's list, one sample method each. */
    static Stream<Arguments> samples() {
        return Stream.of(Pace.values()).flatMap(pace -> Stream.of(
                arguments(pace, "capturedLocals", "16 ax!"),
                arguments(pace, "instance", "hello, ann"),
                arguments(pace, "nested", 50 + 60),
                arguments(pace, "failing", "caught boom 1"),
                arguments(pace, "notRunUntilAwaited", "called body awaited done"),
                arguments(pace, "methodReferences", "hi bob 42 hi cy")));
    }

    @ParameterizedTest(name = "{1}, awaits complete {0}")
    @MethodSource("samples")
    void asyncLambdasAndMethodReferences_run(Pace pace, String sample, Object expected) throws Throwable {
        Pace.set(pace);
        assertEquals(expected, Samples.run(Sample.class, sample));
    }

    @Test
    void capturedLocals_reallySuspendAtTheirAwaits() throws Throwable {
        Pace.set(Pace.LATER);
        assertEquals("16 ax!", Samples.run(Sample.class, "capturedLocals"));
        assertEquals(3, Pace.suspensions());
    }

    @Test
    void aLambdaThatDoesNotAwait_isAPlainFunction() throws Throwable {
        Pace.set(Pace.NOW);
        assertEquals("body called plain", Samples.run(Sample.class, "withoutAwait_staysPlain"));
    }

    @Test
    void anAsyncLambdaMadeInAPlainMethod_returnsAFrameNamedAfterItsBody() throws Exception {
        Class<?> sample = Samples.instrumented(Sample.class);
        Method later = sample.getDeclaredMethod("later", String.class);
        later.setAccessible(true);
        Supplier<?> supplier = (Supplier<?>) later.invoke(null, "p");
        Object coroutine = supplier.get();
        assertTrue(coroutine.getClass().getName().startsWith(sample.getName() + "$Async$lambda$later$"),
                coroutine.getClass().getName());
        Pace.set(Pace.LATER);
        assertEquals("px!", Asyncio.run((Coroutine<?>) coroutine));
    }
}
