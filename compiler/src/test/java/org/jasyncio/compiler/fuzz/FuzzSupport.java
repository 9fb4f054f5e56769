package org.jasyncio.compiler.fuzz;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What generated programs call besides {@code await}: shared by the instrumented variant and the
 * reference variant of each program, so both see the same types (loaded once, by the test's loader).
 */
public final class FuzzSupport {

    private FuzzSupport() {
    }

    /**
     * The observable side effects of one run, and the seeded choice of when awaited values complete.
     * A generated call passes its callee a trace of its own ({@link #callee}), which shares the
     * events and the seeded choices and tells how deep the call ran and whether it suspended. Some
     * traces are eager: every value awaited under them completes at once, so that calls which never
     * suspend are common at every depth. A third of the callees of a trace that is not eager are,
     * and two thirds of an eager one's, so that at every depth about half are. Used by one run at a
     * time, on the thread that runs it.
     */
    public static final class Trace {
        private static final int MAX_EVENTS = 100_000;
        private static final int EAGER_THIRDS = 1;
        private static final int EAGER_THIRDS_UNDER_EAGER = 2;

        private final List<String> events;
        private final SplittableRandom pace;
        private final Trace caller;
        private final CallShape shape;
        private final int depth;
        private final boolean eager;
        private final List<Trace> callees;
        private boolean ran;
        private boolean suspended;

        public Trace(long seed) {
            this(new ArrayList<>(), new SplittableRandom(seed), null, null, false, new ArrayList<>());
        }

        private Trace(List<String> events, SplittableRandom pace, Trace caller, CallShape shape, boolean eager,
                      List<Trace> callees) {
            this.events = events;
            this.pace = pace;
            this.caller = caller;
            this.shape = shape;
            this.depth = caller == null ? 0 : caller.depth + 1;
            this.eager = eager;
            this.callees = callees;
        }

        /** The trace to pass to a generated method called in {@code shape}: a call one level deeper. */
        public Trace callee(CallShape shape) {
            ran = true;
            boolean eagerCallee = pace.nextInt(3) < (eager ? EAGER_THIRDS_UNDER_EAGER : EAGER_THIRDS);
            Trace callee = new Trace(events, pace, this, shape, eagerCallee, callees);
            callees.add(callee);
            return callee;
        }

        public void log(Object value) {
            ran = true;
            if (events.size() == MAX_EVENTS) {
                throw new IllegalStateException("more than " + MAX_EVENTS + " events: a runaway loop");
            }
            events.add(String.valueOf(value));
        }

        public List<String> events() {
            return events;
        }

        /** Whether the value awaited next completes on a later turn (then the awaiting method suspends). */
        boolean later() {
            boolean later = pace.nextBoolean() && !eager;
            if (later) {
                suspends();
            } else {
                ran = true;
            }
            return later;
        }

        /** A seeded choice that does not decide when a value completes. */
        boolean coin() {
            ran = true;
            return pace.nextBoolean();
        }

        /** Notes that the method this trace was passed to suspends, and so do its callers. */
        void suspends() {
            ran = true;
            for (Trace trace = this; trace != null && !trace.suspended; trace = trace.caller) {
                trace.suspended = true;
            }
        }

        boolean isEager() {
            return eager;
        }

        /** The traces of every call this run made, the callees' calls among them. */
        List<Trace> callees() {
            return callees;
        }

        /** Whether the body this trace was passed to ran (used it). */
        boolean ran() {
            return ran;
        }

        boolean suspended() {
            return suspended;
        }

        int depth() {
            return depth;
        }

        CallShape shape() {
            return shape;
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

    /** An object constructed with awaits among arguments of several types, some of two slots. */
    public record Mixed(int i, double d, String s, long l) {
        public long sum() {
            return i + (long) d * 3 + s.length() + l;
        }
    }

    /** A receiver that stays on the operand stack while awaits among its calls' arguments suspend. */
    public static final class Acc {
        private long total;

        public Acc(long start) {
            total = start;
        }

        public Acc add(long value) {
            total = total * 3 + value;
            return this;
        }

        public long get() {
            return total;
        }
    }

    /** A resource whose opening and closing are observable, and whose closing may fail. */
    public static final class Res implements AutoCloseable {
        private final Trace trace;
        private final boolean failOnClose;
        public final long id;

        public Res(Trace trace, long id, boolean failOnClose) {
            this.trace = trace;
            this.id = id;
            this.failOnClose = failOnClose;
            trace.log("open " + id);
        }

        @Override
        public void close() {
            trace.log("close " + id);
            if (failOnClose) {
                throw new Boom(id);
            }
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

    /** {@code coroutine} itself: a coroutine awaited not straight from the call that made it. */
    public static <T> Coroutine<T> hold(Coroutine<T> coroutine) {
        return coroutine;
    }

    /** {@code sleep(0)}, which yields one turn of the loop; completed at once where the trace is eager. */
    public static Coroutine<Void> pause(Trace trace) {
        if (trace.isEager()) {
            return Asyncio.completed();
        }
        trace.suspends();
        return Asyncio.sleep(0);
    }

    /** {@link Asyncio#gather(Awaitable[])} of two, which always suspends: on a new future of the gathered ones. */
    public static <T> Coroutine<List<T>> gather(Trace trace, Awaitable<? extends T> first,
                                                Awaitable<? extends T> second) {
        trace.suspends();
        return Asyncio.gather(List.of(first, second));
    }

    /** {@code value}, complete at once or on a later turn of the running loop, as the trace chooses. */
    public static <T> Awaitable<T> value(Trace trace, T value) {
        if (!trace.later()) {
            return Asyncio.completed(value);
        }
        EventLoop loop = Asyncio.getRunningLoop();
        Future<T> future = loop.createFuture();
        loop.callSoon(() -> future.setResult(value));
        return future;
    }

    /** {@code value} as a {@code CompletableFuture}, complete at once or on a later turn, as the trace chooses. */
    public static <T> CompletableFuture<T> stage(Trace trace, T value) {
        if (!trace.later()) {
            return CompletableFuture.completedFuture(value);
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        Asyncio.getRunningLoop().callSoon(() -> future.complete(value));
        return future;
    }

    /**
     * A {@code CompletableFuture} failing with {@code Boom(code)}, bare or wrapped in the
     * {@code CompletionException} that await unwraps, at once or on a later turn, as the trace chooses.
     */
    public static CompletableFuture<Long> failedStage(Trace trace, long code) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        Throwable failure = trace.coin() ? new CompletionException(new Boom(code)) : new Boom(code);
        if (trace.later()) {
            Asyncio.getRunningLoop().callSoon(() -> future.completeExceptionally(failure));
        } else {
            future.completeExceptionally(failure);
        }
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
