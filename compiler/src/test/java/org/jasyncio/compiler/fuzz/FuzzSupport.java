package org.jasyncio.compiler.fuzz;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What generated programs call besides {@code await}: shared by the instrumented variant and the
 * reference variant of each program, so both see the same types (loaded once, by the test's loader).
 */
public final class FuzzSupport {

    private FuzzSupport() {
    }

    /** The observable side effects of one run, and the seeded choice of when awaited values complete. */
    public static final class Trace {
        private final List<String> events = new ArrayList<>();
        private final SplittableRandom pace;

        public Trace(long seed) {
            this.pace = new SplittableRandom(seed);
        }

        public void log(Object value) {
            events.add(String.valueOf(value));
        }

        public List<String> events() {
            return events;
        }

        boolean later() {
            return pace.nextBoolean();
        }
    }

    /** The exception generated programs throw and catch. */
    public static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public final long code;

        public Boom(long code) {
            super("boom " + code);
            this.code = code;
        }
    }

    /** An object constructed with awaits among its arguments. */
    public record Box(long left, long right) {
        public long sum() {
            return left * 31 + right;
        }
    }

    /** A resource whose closing is observable. */
    public static final class Res implements AutoCloseable {
        private final Trace trace;
        public final long id;

        public Res(Trace trace, long id) {
            this.trace = trace;
            this.id = id;
            trace.log("open " + id);
        }

        @Override
        public void close() {
            trace.log("close " + id);
        }
    }

    /** For switches on an enum. */
    public enum Color {
        RED, GREEN, BLUE
    }

    /** A pure function of two values, for calls with awaits among their arguments. */
    public static long mix(long a, long b) {
        return a * 7 - b;
    }

    /** {@code value}, complete at once or on a later turn of the running loop, as the trace chooses. */
    public static Awaitable<Long> value(Trace trace, long value) {
        if (!trace.later()) {
            return Asyncio.completed(value);
        }
        EventLoop loop = Asyncio.getRunningLoop();
        Future<Long> future = loop.createFuture();
        loop.callSoon(() -> future.setResult(value));
        return future;
    }

    /** A failure with {@code Boom(code)}, at once or on a later turn, as the trace chooses. */
    public static Awaitable<Long> failure(Trace trace, long code) {
        EventLoop loop = Asyncio.getRunningLoop();
        Future<Long> future = loop.createFuture();
        if (trace.later()) {
            loop.callSoon(() -> future.setException(new Boom(code)));
        } else {
            future.setException(new Boom(code));
        }
        return future;
    }
}
