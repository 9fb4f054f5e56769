package org.jasyncio.compiler.fuzz;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.compiler.testing.InMemoryJavac;
import org.jasyncio.compiler.testing.InstrumentingLoader;
import org.jasyncio.compiler.testing.Samples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Runs a generated program two ways and compares: (a) instrumented by the compiler (each output
 * verified by {@code CheckClassAdapter} and by the JVM) and run on the event loop, awaited values
 * completing at once or later as a seeded trace chooses; (b) the same method bodies in a class where
 * {@code await} is a plain call that returns the value now. Results, exceptions and the logged side
 * effects must be identical.
 */
final class DifferentialRunner {

    /** What went wrong with one method of a program, or why the program could not be tried. */
    record Failure(int method, String kind, String detail) {
    }

    private static final String INSTRUMENTED_HEADER = """
            package fuzz;

            import java.util.List;
            import java.util.function.*;
            import org.jasyncio.Awaitable;
            import org.jasyncio.Coroutine;
            import org.jasyncio.annotation.Async;
            import org.jasyncio.compiler.fuzz.FuzzSupport;
            import org.jasyncio.compiler.fuzz.FuzzSupport.*;
            import static org.jasyncio.Asyncio.await;
            import static org.jasyncio.Asyncio.completed;
            import static org.jasyncio.compiler.fuzz.CallShape.*;
            import static org.jasyncio.compiler.fuzz.FuzzSupport.gather;
            import static org.jasyncio.compiler.fuzz.FuzzSupport.hold;
            import static org.jasyncio.compiler.fuzz.FuzzSupport.mix;
            import static org.jasyncio.compiler.fuzz.FuzzSupport.pause;
            import static fuzz.Program.*;

            public class Program implements Api {
                static <T> Awaitable<T> v(Trace t, T value) {
                    return FuzzSupport.value(t, value);
                }

                static Awaitable<Long> fail(Trace t, long code) {
                    return FuzzSupport.failure(t, code);
                }

                static <T> java.util.concurrent.CompletableFuture<T> cf(Trace t, T value) {
                    return FuzzSupport.stage(t, value);
                }

                static java.util.concurrent.CompletableFuture<Long> cfail(Trace t, long code) {
                    return FuzzSupport.failedStage(t, code);
                }
            """;

    private static final String REFERENCE_HEADER = """
            package reference;

            import java.util.List;
            import java.util.function.*;
            import org.jasyncio.compiler.fuzz.FuzzSupport.*;
            import static org.jasyncio.compiler.fuzz.CallShape.*;
            import static org.jasyncio.compiler.fuzz.FuzzSupport.mix;
            import static reference.Program.*;

            public class Program implements Api {
                @interface Async {
                }

                static final class Coroutine<T> {
                    final T value;

                    Coroutine(T value) {
                        this.value = value;
                    }
                }

                static <T> T await(Coroutine<T> coroutine) {
                    return coroutine.value;
                }

                static <T> Coroutine<T> completed(T value) {
                    return new Coroutine<>(value);
                }

                static <T> Coroutine<T> v(Trace t, T value) {
                    return completed(value);
                }

                static Coroutine<Long> fail(Trace t, long code) {
                    throw new Boom(code);
                }

                static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
                    return stage.toCompletableFuture().join();
                }

                static Coroutine<Void> completed() {
                    return new Coroutine<>(null);
                }

                static <T> Coroutine<T> hold(Coroutine<T> coroutine) {
                    return coroutine;
                }

                static Coroutine<Void> pause(Trace t) {
                    return completed();
                }

                @SafeVarargs
                static <T> Coroutine<List<T>> gather(Trace t, Coroutine<? extends T>... coroutines) {
                    List<T> values = new java.util.ArrayList<>();
                    for (Coroutine<? extends T> coroutine : coroutines) {
                        values.add(coroutine.value);
                    }
                    return completed(values);
                }

                static <T> java.util.concurrent.CompletableFuture<T> cf(Trace t, T value) {
                    return java.util.concurrent.CompletableFuture.completedFuture(value);
                }

                static java.util.concurrent.CompletableFuture<Long> cfail(Trace t, long code) {
                    throw new Boom(code);
                }
            """;

    private static final int STACK_SHOWN = 6;

    private DifferentialRunner() {
    }

    /** The source of {@code program}'s instrumented variant. */
    static String instrumentedSource(ProgramGenerator.Program program) {
        return source(INSTRUMENTED_HEADER, program, i -> true);
    }

    /** The source of {@code program}'s instrumented variant with only the methods {@code printed} accepts. */
    static String instrumentedSource(ProgramGenerator.Program program, IntPredicate printed) {
        return source(INSTRUMENTED_HEADER, program, printed);
    }

    /** The source of {@code program}'s reference variant. */
    static String referenceSource(ProgramGenerator.Program program) {
        return source(REFERENCE_HEADER, program, i -> true);
    }

    private static String source(String header, ProgramGenerator.Program program, IntPredicate printed) {
        StringBuilder out = new StringBuilder(header);
        out.append("\n    long fld = 1;\n    long[] arr = {1, 2, 3};\n    Coroutine<Long> held;\n"
                + "    static Coroutine<Long> sheld;\n");
        methods(out, program, i -> printed.test(i) && !program.signatures().get(i).home().inInterface());
        out.append("}\n\ninterface Api {");
        methods(out, program, i -> printed.test(i) && program.signatures().get(i).home().inInterface());
        return out.append("}\n").toString();
    }

    private static void methods(StringBuilder out, ProgramGenerator.Program program, IntPredicate printed) {
        for (int i = 0; i < program.methods().size(); i++) {
            if (!printed.test(i)) {
                continue;
            }
            Signature signature = program.signatures().get(i);
            out.append("\n    @Async\n    ").append(signature.modifiers()).append("Coroutine<Long> m").append(i)
                    .append('(').append(signature.declaration()).append(") {\n");
            for (Stmt stmt : program.methods().get(i)) {
                stmt.print(out, "        ");
            }
            out.append("    }\n");
        }
    }

    /** Runs every method of {@code program} both ways with traces seeded from {@code seed}. */
    static List<Failure> run(ProgramGenerator.Program program, long seed) {
        return run(program, seed, new CallStats());
    }

    /** As {@link #run(ProgramGenerator.Program, long)}, counting the instrumented runs' calls in {@code stats}. */
    static List<Failure> run(ProgramGenerator.Program program, long seed, CallStats stats) {
        Map<String, byte[]> reference;
        Map<String, byte[]> instrumented;
        try {
            reference = InMemoryJavac.compile("reference.Program", referenceSource(program));
            instrumented = InMemoryJavac.compile("fuzz.Program", instrumentedSource(program));
        } catch (IllegalArgumentException e) {
            return List.of(new Failure(-1, "generator", e.getMessage()));
        }
        Class<?> expected;
        Class<?> actual;
        try {
            expected = new InstrumentingLoader("reference.", reference).loadClass("reference.Program");
            actual = new InstrumentingLoader("fuzz.", instrumented).loadClass("fuzz.Program");
        } catch (Throwable e) {
            return List.of(new Failure(-1, "instrumentation", describe(e)));
        }
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < program.methods().size(); i++) {
            String want;
            String got;
            try {
                Signature signature = program.signatures().get(i);
                want = runReference(expected, i, signature, seed + i);
                got = runInstrumented(actual, i, signature, seed + i, stats);
            } catch (Throwable e) {
                failures.add(new Failure(i, "crash", describe(e)));
                continue;
            }
            if (!want.equals(got)) {
                failures.add(new Failure(i, "mismatch", "reference:    " + want + "\ninstrumented: " + got));
            }
        }
        return failures;
    }

    private static String runReference(Class<?> program, int index, Signature signature, long seed)
            throws ReflectiveOperationException {
        FuzzSupport.Trace trace = new FuzzSupport.Trace(seed);
        Method method = method(program, index);
        String outcome;
        try {
            Object coroutine = method.invoke(receiver(program, method), signature.runArguments(trace));
            var value = coroutine.getClass().getDeclaredField("value");
            value.setAccessible(true);
            outcome = "returned " + value.get(coroutine);
        } catch (InvocationTargetException e) {
            outcome = "threw " + e.getCause();
        }
        return outcome + " after " + trace.events();
    }

    private static String runInstrumented(Class<?> program, int index, Signature signature, long seed,
                                          CallStats stats) throws ReflectiveOperationException {
        FuzzSupport.Trace trace = new FuzzSupport.Trace(seed);
        Method method = method(program, index);
        String outcome;
        try {
            outcome = "returned " + Asyncio.run((Coroutine<?>) method.invoke(receiver(program, method),
                    signature.runArguments(trace)));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("calling an @Async method ran its body", e.getCause());
        } catch (RuntimeException e) {
            outcome = "threw " + e;
        }
        stats.add(trace);
        return outcome + " after " + trace.events();
    }

    /** The exception with the top of its stack and its causes': enough to see where the compiler broke. */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            out.append(cause == e ? "" : "\ncaused by: ").append(cause);
            StackTraceElement[] stack = cause.getStackTrace();
            for (int i = 0; i < Math.min(STACK_SHOWN, stack.length); i++) {
                out.append("\n    at ").append(stack[i]);
            }
        }
        return out.toString();
    }

    private static Object receiver(Class<?> program, Method method) throws ReflectiveOperationException {
        return Modifier.isStatic(method.getModifiers()) ? null : program.getDeclaredConstructor().newInstance();
    }

    /** The method {@code m<index>} users call, in {@code program} or its interface. */
    private static Method method(Class<?> program, int index) throws NoSuchMethodException {
        for (Class<?> home : List.of(program, program.getInterfaces()[0])) {
            for (Method method : home.getDeclaredMethods()) {
                // the compiler keeps the state machine body under the same name, taking the (synthetic) frame
                if (method.getName().equals("m" + index) && !Samples.isBody(method)) {
                    method.setAccessible(true);
                    return method;
                }
            }
        }
        throw new NoSuchMethodException("m" + index);
    }

}
