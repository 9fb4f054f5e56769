package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.failure;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @EnumSource(Pace.class)
    void capturedLocalsAndArguments_inAsyncAndPlainMethods(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("16 ax!", Samples.run(Sample.class, "capturedLocals"));
        assertEquals(pace == Pace.NOW ? 0 : 3, Pace.suspensions());
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void capturedThis_andAnAwaitableFunctionType(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("hello, ann", Samples.run(Sample.class, "instance"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void nestedAsyncLambdas(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(50 + 60, Samples.run(Sample.class, "nested"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void exceptionsInAnAsyncLambda_areCaughtThere(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("caught boom 1", Samples.run(Sample.class, "failing"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void callingAnAsyncLambda_runsNoneOfItsBody(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("called body awaited done", Samples.run(Sample.class, "notRunUntilAwaited"));
    }

    @Test
    void aLambdaThatDoesNotAwait_isAPlainFunction() throws Throwable {
        Pace.set(Pace.NOW);
        assertEquals("body called plain", Samples.run(Sample.class, "withoutAwait_staysPlain"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void methodReferencesToAsyncMethods(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("hi bob 42 hi cy", Samples.run(Sample.class, "methodReferences"));
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
