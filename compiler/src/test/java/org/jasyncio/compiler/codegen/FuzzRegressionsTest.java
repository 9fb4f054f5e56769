package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shrunk programs the differential fuzzer found, kept as regression tests, each with what it broke. */
class FuzzRegressionsTest {

    static final class Sample {
        static int counter;

        /**
         * The awaited value flows straight into the merge point of a ternary (no cast: the consumer
         * takes Object), so the frame after the await and javac's merge frame shared an offset and
         * the StackMapTable came out corrupt (fuzz seed 20261125, program 20261185783375, m19).
         */
        @Async
        static Coroutine<List<String>> awaitFlowsIntoAMergePoint(long length) {
            List<String> log = new ArrayList<>();
            log.add(String.valueOf(length % 2 == 0 ? await(value("even")) : await(value("odd"))));
            Object either = length > 3 ? await(value(length)) : await(value("short"));
            log.add(String.valueOf(either));
            return completed(log);
        }

        /** A body whose first instruction is a branch target: the entry frame and javac's shared offset 0. */
        @Async
        static Coroutine<Integer> loopOpensTheBody() {
            do {
                counter += await(value(1));
            } while (counter < 3);
            return completed(counter);
        }
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void awaitFlowingIntoAMergePoint_verifiesAndRuns(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(List.of("even", "4"), Samples.run(Sample.class, "awaitFlowsIntoAMergePoint", 4L));
        assertEquals(List.of("odd", "short"), Samples.run(Sample.class, "awaitFlowsIntoAMergePoint", 3L));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void loopOpeningTheBody_verifiesAndRuns(Pace pace) throws Throwable {
        Pace.set(pace);
        var counter = Samples.instrumented(Sample.class).getDeclaredField("counter");
        counter.setAccessible(true);
        counter.setInt(null, 0);
        assertEquals(3, Samples.run(Sample.class, "loopOpensTheBody"));
    }
}
