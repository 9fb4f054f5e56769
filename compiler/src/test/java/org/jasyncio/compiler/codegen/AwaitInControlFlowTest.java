package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code await} in loops, switches and branches, including locals whose type differs by path. */
class AwaitInControlFlowTest {

    static final class Sample {
        @Async
        static Coroutine<List<String>> loops(int n, String[] words, List<Integer> numbers) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < n; i += await(value(1))) {
                seen.add("for" + i);
            }
            int j = 0;
            while (await(value(j < 2))) {
                seen.add("while" + j++);
            }
            do {
                seen.add("do" + await(value(j)));
            } while (--j > 0);
            for (String word : words) {
                seen.add(await(value(word.toUpperCase())));
            }
            for (int number : numbers) {
                seen.add("n" + (number + await(value(100))));
            }
            return completed(seen);
        }

        @Async
        static Coroutine<String> labelledBreakAndContinue() {
            StringBuilder out = new StringBuilder();
            outer:
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < 4; k++) {
                    if (k == await(value(i))) {
                        continue outer;
                    }
                    if (i == 3 && await(value(k)) == 1) {
                        break outer;
                    }
                    out.append(i).append(k).append(' ');
                }
            }
            return completed(out.toString().trim());
        }

        @Async
        static Coroutine<String> switches(int code, String name, TimeUnit unit) {
            String byInt;
            switch (code) {
                case 1:
                    byInt = "one" + await(value("!"));
                    break;
                case 100:
                    byInt = await(value("hundred"));
                    break;
                default:
                    byInt = "other";
            }
            String byName = switch (name) {
                case "alpha" -> await(value("A"));
                case "beta" -> {
                    String suffix = await(value("b"));
                    yield "B" + suffix;
                }
                default -> name;
            };
            int byEnum = switch (unit) {
                case SECONDS -> await(value(1));
                case MINUTES -> 60 * await(value(1));
                default -> -1;
            };
            switch (await(value(code % 3))) {
                case 0 -> byName += "/zero";
                case 1 -> byName += "/" + await(value("one"));
                default -> byName += "/many";
            }
            return completed(byInt + "," + byName + "," + byEnum);
        }

        @Async
        static Coroutine<String> typeDiffersByPath(boolean flag) {
            Object value;
            if (flag) {
                value = await(value("text"));
            } else {
                value = await(value(42));
            }
            CharSequence sequence = flag ? new StringBuilder("sb") : "str";
            Number number = flag ? (Number) 1L : (Number) 2.5;
            await(value("pause"));
            return completed(value + ":" + sequence + ":" + number);
        }

        @Async
        static Coroutine<Integer> earlyReturns(int n) {
            if (n < 0) {
                return completed(-1);
            }
            for (int i = 0; ; i++) {
                if (await(value(i)) == n) {
                    return completed(i * 10);
                }
            }
        }

        @Async
        static Coroutine<Integer> infiniteLoopWithExit() {
            int total = 0;
            while (true) {
                total += await(value(7));
                if (total > 20) {
                    break;
                }
            }
            return completed(total);
        }
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void loops_of_everyKind_await_inHeadersAndBodies(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(List.of("for0", "for1", "while0", "while1", "do2", "do1", "X", "Y", "n101", "n102"),
                Samples.run(Sample.class, "loops", 2, new String[]{"x", "y"}, List.of(1, 2)));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void labelledBreakAndContinue_leave_theRightLoop(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("10 20 21 30", Samples.run(Sample.class, "labelledBreakAndContinue"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void switches_onIntStringAndEnum_classicAndArrow(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("one!,A/one,1", Samples.run(Sample.class, "switches", 1, "alpha", TimeUnit.SECONDS));
        assertEquals("hundred,Bb/one,60", Samples.run(Sample.class, "switches", 100, "beta", TimeUnit.MINUTES));
        assertEquals("other,gamma/many,-1", Samples.run(Sample.class, "switches", 5, "gamma", TimeUnit.DAYS));
        assertEquals("other,x/zero,-1", Samples.run(Sample.class, "switches", 3, "x", TimeUnit.HOURS));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void localsWhoseTypeDiffersByPath_keep_theirValues(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals("text:sb:1", Samples.run(Sample.class, "typeDiffersByPath", true));
        assertEquals("42:str:2.5", Samples.run(Sample.class, "typeDiffersByPath", false));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void earlyReturns_endTheCoroutine(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(-1, Samples.run(Sample.class, "earlyReturns", -5));
        assertEquals(30, Samples.run(Sample.class, "earlyReturns", 3));
        assertEquals(21, Samples.run(Sample.class, "infiniteLoopWithExit"));
    }
}
