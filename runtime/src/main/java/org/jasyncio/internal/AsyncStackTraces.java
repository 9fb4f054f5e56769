package org.jasyncio.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Async stack traces: puts the frames that awaited a failed frame into its exception's stack trace,
 * as they would have shown had nothing suspended. Not for user code.
 *
 * <p>A frame that runs inline under its caller throws through the caller's Java frame, which the
 * stack trace already shows. A frame resumed by its task's {@link Trampoline} after a suspension has
 * no caller below it on the Java stack: the trampoline delivers its exception to the caller instead.
 * At each such delivery, {@link #awaitedBy} inserts the caller's {@link AsyncFrame#suspendedAt()}
 * just before the trampoline's own frames, so that the callers of a chain appear innermost first,
 * each once, at the line of its {@code await}; and the frame that threw, too, when the trace does
 * not show it (an exception it was woken with). Nothing is done, and nothing allocated, until an
 * exception is thrown.
 *
 * <p>Thread rule: loop thread of the task whose frames these are.
 */
public final class AsyncStackTraces {

    /** Past this many elements a trace is left alone: an exception object rethrown over and over must not grow. */
    static final int MAX_ELEMENTS = 4096;

    private static final String TRAMPOLINE = Trampoline.class.getName();
    private static final String STEP = "step";

    private AsyncStackTraces() {
    }

    /**
     * Records in {@code exception}'s stack trace that {@code caller}, suspended, awaited
     * {@code frame}, which threw it: the caller's {@code suspendedAt()} goes just before the first
     * frame of {@code Trampoline.step}, or at the end when the exception was made elsewhere (on
     * another thread, say). When the trace does not show {@code frame} itself (the exception came to
     * it from another task, or is the cancellation thrown at its await), its {@code suspendedAt()}
     * goes first. An exception without a writable stack trace is left alone.
     */
    static void awaitedBy(Throwable exception, AsyncFrame<?> frame, AsyncFrame<?> caller) {
        StackTraceElement at = caller.suspendedAt();
        if (at == null) {
            return;
        }
        StackTraceElement[] trace = exception.getStackTrace();
        if (trace.length == 0 || trace.length >= MAX_ELEMENTS) {
            return;
        }
        StackTraceElement own = frame.suspendedAt();
        boolean missing = own != null && !shows(trace, own);
        int insertion = trace.length;
        for (int i = 0; i < trace.length; i++) {
            if (STEP.equals(trace[i].getMethodName()) && TRAMPOLINE.equals(trace[i].getClassName())) {
                insertion = i;
                break;
            }
        }
        int added = missing ? 2 : 1;
        StackTraceElement[] extended = new StackTraceElement[trace.length + added];
        System.arraycopy(trace, 0, extended, 0, insertion);
        if (missing) {
            extended[insertion] = own;
        }
        extended[insertion + added - 1] = at;
        System.arraycopy(trace, insertion, extended, insertion + added, trace.length - insertion);
        exception.setStackTrace(extended);
    }

    /** Whether {@code trace} has an element of {@code frame}'s method, whatever its line. */
    private static boolean shows(StackTraceElement[] trace, StackTraceElement frame) {
        for (StackTraceElement element : trace) {
            if (element.getMethodName().equals(frame.getMethodName())
                    && element.getClassName().equals(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where each frame of {@code task} is suspended, innermost first: its frames'
     * {@code suspendedAt()}, those that know it, along the chain of callers. Empty once the task is done.
     */
    public static List<StackTraceElement> suspendedFrames(Trampoline<?> task) {
        List<StackTraceElement> frames = new ArrayList<>();
        if (task.isDone()) {
            return frames;
        }
        for (AsyncFrame<?> frame = task.currentFrame(); frame != null; frame = frame.caller) {
            StackTraceElement at = frame.suspendedAt();
            if (at != null) {
                frames.add(at);
            }
        }
        return frames;
    }
}
