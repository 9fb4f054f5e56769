package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code await} wherever an expression may stand, with values waiting on the operand stack under it. */
class AwaitInExpressionsTest {

    static final class Sample {
        @Async
        static Coroutine<Integer> arguments(int a) {
            return completed(Math.addExact(a, await(value(10))) * Math.max(await(value(2)), a));
        }

        @Async
        static Coroutine<String> concatenation(String name) {
            int count = 3;
            return completed("hello " + name + " x" + count + " " + await(value("there")) + '!' + await(value(7L)));
        }

        @Async
        static Coroutine<Long> wideValuesUnderTheAwait(long big, double ratio) {
            long sum = big + await(value(1L)) + (long) (ratio * await(value(2.0)));
            double mixed = ratio + big * await(value(0.5)) - await(value(3));
            return completed(sum + (long) mixed);
        }

        @Async
        static Coroutine<String> constructorArguments(String prefix) {
            StringBuilder built = new StringBuilder(await(value(prefix)));
            Point point = new Point(await(value(3)), new Point(1, await(value(4))).y);
            return completed(built.append(point).append(new Point(await(value(5)), await(value(6)))).toString());
        }

        @Async
        static Coroutine<List<Object>> arrayInitialisers() {
            int[] numbers = {1, await(value(2)), 3};
            String[][] nested = {{"a", await(value("b"))}, {await(value("c"))}};
            Object[] mixed = new Object[]{null, await(value("x")), numbers.length, nested[1][0]};
            numbers[await(value(0))] = await(value(9));
            return completed(List.of(Arrays.toString(numbers), Arrays.deepToString(nested), Arrays.asList(mixed)));
        }

        @Async
        static Coroutine<String> ternariesAndConditions(int n) {
            String size = n > await(value(5)) ? await(value("big")) : "small";
            boolean both = await(value(true)) && n % 2 == 0;
            boolean either = n < 0 || await(value(false));
            int picked = (both ? await(value(1)) : 2) + (either ? 10 : await(value(20)));
            return completed(size + "/" + both + "/" + either + "/" + picked);
        }

        @Async
        static Coroutine<int[]> compoundAssignments() {
            int x = 1;
            x += await(value(2));
            x *= await(value(3));
            long y = 5;
            y <<= await(value(2));
            int[] cells = {10, 20};
            cells[1] -= await(value(5));
            cells[0]++;
            x++;
            --y;
            return completed(new int[]{x, (int) y, cells[0], cells[1]});
        }

        @Async
        static Coroutine<String> nullsUnderTheAwait() {
            String nothing = null;
            Object again = null;
            String joined = String.join("-", nothing == null ? "none" : nothing, await(value("x")), String.valueOf(again));
            return completed(joined + Arrays.asList(null, await(value("y"))));
        }

        @Async
        static Coroutine<String> lambdasAndLocalClassesAround(int base) {
            Function<Integer, Integer> add = x -> x + base;
            int first = add.apply(await(value(2)));
            class Scaler {
                int scale(int x) {
                    return x * base;
                }
            }
            Scaler scaler = new Scaler();
            Supplier<String> later = () -> "late" + first;
            return completed(first + "," + scaler.scale(await(value(3))) + "," + later.get() + ","
                    + add.andThen(x -> x * 2).apply(await(value(1))));
        }

        @Async
        static Coroutine<String> awaitOfCompleted() {
            String text = await(completed("a"));
            Void nothing = await(completed());
            return completed(text + nothing + await(value("b")));
        }

        @Async
        static Coroutine<String> awaitedCoroutines(int depth) {
            String inner = depth == 0 ? "leaf" : await(awaitedCoroutines(depth - 1));
            return completed(depth + "(" + inner + ")");
        }
    }

    record Point(int x, int y) {
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void methodArguments_hold_stackValuesAcrossTheAwait(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals((5 + 10) * 5, Samples.run(Sample.class, "arguments", 5));
        assertEquals((1 + 10) * 2, Samples.run(Sample.class, "arguments", 1));
        assertSuspendedIfLater(pace);
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void stringConcatenation_keeps_theOperandsOrder(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("hello ann x3 there!7", Samples.run(Sample.class, "concatenation", "ann"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void longsAndDoubles_survive_onTheStackAndInLocals(Pace pace) throws Throwable {
        Pace.set(pace);
        long big = 10_000_000_000L;
        double ratio = 1.5;
        long sum = big + 1L + (long) (ratio * 2.0);
        double mixed = ratio + big * 0.5 - 3;
        assertEquals(sum + (long) mixed, Samples.run(Sample.class, "wideValuesUnderTheAwait", big, ratio));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void constructorArguments_await_whileTheObjectIsUnderConstruction(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("p:Point[x=3, y=4]Point[x=5, y=6]", Samples.run(Sample.class, "constructorArguments", "p:"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void arrayInitialisers_and_arrayStores_await_inEveryCell(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(List.of("[9, 2, 3]", "[[a, b], [c]]", Arrays.asList(null, "x", 3, "c")),
                Samples.run(Sample.class, "arrayInitialisers"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void ternaries_and_shortCircuits_await_onEachBranch(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("big/true/false/21", Samples.run(Sample.class, "ternariesAndConditions", 6));
        assertEquals("small/false/false/22", Samples.run(Sample.class, "ternariesAndConditions", 3));
        assertEquals("small/false/true/12", Samples.run(Sample.class, "ternariesAndConditions", -1));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void compoundAssignments_and_increments_see_theAwaitedValue(Pace pace) throws Throwable {
        Pace.set(pace);
        int[] result = (int[]) Samples.run(Sample.class, "compoundAssignments");
        assertEquals("[10, 19, 11, 15]", Arrays.toString(result));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void nulls_survive_inLocalsAndOnTheStack(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("none-x-null[null, y]", Samples.run(Sample.class, "nullsUnderTheAwait"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void lambdasAndLocalClasses_inTheAwaitingMethod_captureTheirValues(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("12,30,late12,22", Samples.run(Sample.class, "lambdasAndLocalClassesAround", 10));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void awaitOfCompleted_yields_theValue(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("anullb", Samples.run(Sample.class, "awaitOfCompleted"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void awaitingACoroutine_runs_itsBodyInline(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("3(2(1(0(leaf))))", Samples.run(Sample.class, "awaitedCoroutines", 3));
    }

    private static void assertSuspendedIfLater(Pace pace) {
        if (pace == Pace.LATER) {
            assertTrue(Pace.suspensions() > 0, "the awaits really suspended");
        } else {
            assertEquals(0, Pace.suspensions());
        }
    }
}
