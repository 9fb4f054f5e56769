package org.jasyncio.internal;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Async stack traces: puts the frames that awaited a failed frame into its exception's stack trace,
 * as they would have shown had nothing suspended. Not for user code.
 *
 * <p>A frame that runs inline under its caller throws through the caller's Java frame, which the
 * stack trace already shows. A frame resumed by its task's {@link Trampoline} after a suspension has
 * no caller below it on the Java stack: the trampoline delivers its exception to the caller instead.
 * At the first such delivery, {@link #awaitedBy} inserts the {@link AsyncFrame#suspendedAt()} of
 * every frame up the chain of callers, innermost first, just before the trampoline's own frames, as
 * a plain call stack would show them all (so a {@code catch} in any of them sees the whole chain);
 * and of the frame that threw, too, when the trace does not show it (an exception it was woken
 * with). The deliveries to the callers further up then find the chain there and add nothing, so
 * each frame shows once, and the trace is materialised and set once per exception. Nothing is done,
 * and nothing allocated, until an exception is thrown.
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
     * {@code frame}, which threw it: the {@code suspendedAt()} of the caller and of each frame up
     * its chain go just before the first frame of {@code Trampoline.step}, or at the end when the
     * exception was made elsewhere (on another thread, say), unless the chain is there already.
     * When the trace does not show {@code frame} itself (the exception came to it from another task,
     * or is the cancellation thrown at its await), its {@code suspendedAt()} goes first. An exception
     * without a writable stack trace is left alone.
     */
    static void awaitedBy(Throwable exception, AsyncFrame<?> frame, AsyncFrame<?> caller) {
        StackTraceElement[] trace = exception.getStackTrace();
        if (trace.length == 0 || trace.length >= MAX_ELEMENTS) {
            return;
        }
        int insertion = trace.length;
        for (int i = 0; i < trace.length; i++) {
            if (STEP.equals(trace[i].getMethodName()) && TRAMPOLINE.equals(trace[i].getClassName())) {
                insertion = i;
                break;
            }
        }
        List<StackTraceElement> chain = new ArrayList<>();
        StackTraceElement own = located(frame);
        if (own != null && !shows(trace, own)) {
            chain.add(own);
        }
        for (AsyncFrame<?> awaiting = caller; awaiting != null; awaiting = awaiting.caller) {
            StackTraceElement at = located(awaiting);
            if (at != null) {
                chain.add(at);
            }
        }
        if (chain.isEmpty() || (insertion > 0 && trace[insertion - 1].equals(chain.get(chain.size() - 1)))) {
            return;
        }
        StackTraceElement[] extended = new StackTraceElement[trace.length + chain.size()];
        System.arraycopy(trace, 0, extended, 0, insertion);
        for (int i = 0; i < chain.size(); i++) {
            extended[insertion + i] = chain.get(i);
        }
        System.arraycopy(trace, insertion, extended, insertion + chain.size(), trace.length - insertion);
        exception.setStackTrace(extended);
    }

    /**
     * {@code frame.suspendedAt()}, naming the frame's module as the JVM's own elements do
     * ({@code com.example.app@1.0/com.example.app.Crawler.crawl(Crawler.java:36)}) when its class is in
     * a named module; {@code null} when the frame does not know where it is.
     */
    private static StackTraceElement located(AsyncFrame<?> frame) {
        StackTraceElement at = frame.suspendedAt();
        Module module = frame.getClass().getModule();
        if (at == null || !module.isNamed()) {
            return at;
        }
        ModuleDescriptor descriptor = module.getDescriptor();
        String version = descriptor == null ? null : descriptor.rawVersion().orElse(null);
        return new StackTraceElement(null, module.getName(), version, at.getClassName(), at.getMethodName(),
                at.getFileName(), at.getLineNumber());
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
            StackTraceElement at = located(frame);
            if (at != null) {
                frames.add(at);
            }
        }
        return frames;
    }
}
