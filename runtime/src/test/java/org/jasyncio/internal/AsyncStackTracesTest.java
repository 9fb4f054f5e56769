package org.jasyncio.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Where {@link AsyncStackTraces#awaitedBy} puts a caller's element, and when it leaves a trace alone. */
class AsyncStackTracesTest {

    private static final StackTraceElement THROWER = new StackTraceElement("app.Fetcher", "fetch", "Fetcher.java", 31);
    private static final StackTraceElement STEP =
            new StackTraceElement(Trampoline.class.getName(), "step", "Trampoline.java", 150);
    private static final StackTraceElement LOOP = new StackTraceElement("org.jasyncio.EventLoop", "run", null, -1);
    private static final StackTraceElement WORKER = new StackTraceElement("app.Crawler", "worker", "Crawler.java", 52);
    private static final StackTraceElement MAIN = new StackTraceElement("app.Crawler", "main", "Crawler.java", 70);

    /** A frame suspended at {@code at}, awaited by {@code caller} (or by nothing). */
    private static AsyncFrame<Void> suspendedAt(StackTraceElement at, AsyncFrame<?> caller) {
        AsyncFrame<Void> frame = suspendedAt(at);
        frame.caller = caller;
        return frame;
    }

    /** A frame suspended at {@code at}. */
    private static AsyncFrame<Void> suspendedAt(StackTraceElement at) {
        return new AsyncFrame<>() {
            @Override
            protected Object resume() {
                throw new AssertionError("not run");
            }

            @Override
            protected StackTraceElement suspendedAt() {
                return at;
            }
        };
    }

    private static Exception thrownWith(StackTraceElement... trace) {
        Exception exception = new Exception("boom");
        exception.setStackTrace(trace);
        return exception;
    }

    @Test
    void theWholeChainOfCallers_goesJustBeforeTheTrampoline_innermostFirst_once() {
        Exception exception = thrownWith(THROWER, STEP, LOOP);
        AsyncFrame<Void> main = suspendedAt(MAIN);
        AsyncFrame<Void> worker = suspendedAt(WORKER, main);
        AsyncStackTraces.awaitedBy(exception, suspendedAt(THROWER, worker), worker);
        StackTraceElement[] expected = {THROWER, WORKER, MAIN, STEP, LOOP};
        assertArrayEquals(expected, exception.getStackTrace());
        AsyncStackTraces.awaitedBy(exception, worker, main);
        assertArrayEquals(expected, exception.getStackTrace());
    }

    @Test
    void aFrameTheTraceDoesNotShow_goesFirst_atItsAwait() {
        Exception fromAnotherTask = thrownWith(THROWER, STEP, LOOP);
        StackTraceElement waiting = new StackTraceElement("app.Crawler", "join", "Crawler.java", 60);
        AsyncStackTraces.awaitedBy(fromAnotherTask, suspendedAt(waiting), suspendedAt(MAIN));
        assertArrayEquals(new StackTraceElement[] {THROWER, waiting, MAIN, STEP, LOOP}, fromAnotherTask.getStackTrace());
    }

    @Test
    void anExceptionMadeOffTheLoop_getsItsCallersAtTheEnd() {
        Exception exception = thrownWith(THROWER, LOOP);
        AsyncStackTraces.awaitedBy(exception, suspendedAt(THROWER), suspendedAt(WORKER));
        assertArrayEquals(new StackTraceElement[] {THROWER, LOOP, WORKER}, exception.getStackTrace());
    }

    @Test
    void aFrameThatDoesNotDescribeItself_addsNothing() {
        Exception exception = thrownWith(THROWER, STEP);
        AsyncStackTraces.awaitedBy(exception, suspendedAt(THROWER), suspendedAt(null));
        assertArrayEquals(new StackTraceElement[] {THROWER, STEP}, exception.getStackTrace());
    }

    @Test
    void anExceptionWithoutAWritableTrace_isLeftAlone() {
        Exception exception = new Exception("preallocated", null, false, false) {
        };
        AsyncStackTraces.awaitedBy(exception, suspendedAt(THROWER), suspendedAt(WORKER));
        assertEquals(0, exception.getStackTrace().length);
    }

    @Test
    void aTraceThatReachedTheLimit_stopsGrowing() {
        StackTraceElement[] full = new StackTraceElement[AsyncStackTraces.MAX_ELEMENTS];
        Arrays.fill(full, THROWER);
        Exception exception = thrownWith(full);
        AsyncStackTraces.awaitedBy(exception, suspendedAt(THROWER), suspendedAt(WORKER));
        assertEquals(AsyncStackTraces.MAX_ELEMENTS, exception.getStackTrace().length);
    }
}
