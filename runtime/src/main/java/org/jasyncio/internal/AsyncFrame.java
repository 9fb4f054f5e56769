package org.jasyncio.internal;

import org.jasyncio.Coroutine;

/**
 * The base class of every coroutine object: one frame of a resumable method. Not for user code.
 *
 * <p>The compiler generates, for each {@code @Async} method {@code m} of class {@code Owner}, a
 * subclass {@code Owner$Async$m} that holds the method's receiver, its arguments, an {@code int}
 * state and one typed field per value that must survive a suspension. Its {@link #resume()} calls
 * the rewritten body with the frame, its task, the state and the arguments; the body dispatches on
 * the state. The body returns the coroutine's result, or {@link Await#SUSPENDED} when it has
 * suspended, or throws the coroutine's exception. Called through its direct entry
 * ({@link DirectCalls}), the body runs with no frame and makes one only when it suspends: such a
 * frame is claimed as it is made. The runtime's own coroutines ({@code sleep}, {@code gather}, ...)
 * are hand-written subclasses that follow the same protocol.
 *
 * <p>States: <em>fresh</em> until it is awaited or scheduled, then <em>claimed</em> by the
 * {@link Trampoline} of the task that runs it, for good; a second claim throws
 * {@link IllegalStateException}, as a second {@code await} of a Python coroutine does.
 *
 * <p>Thread rule: a frame is only ever run on the thread of the event loop of the task that runs it.
 */
public abstract class AsyncFrame<T> extends Coroutine<T> {

    /**
     * The frame that awaits this one, or {@code null} for the frame a task was created with; set as
     * the awaiting frame suspends ({@link Trampoline#linkSuspended}), not when this one is called.
     */
    AsyncFrame<?> caller;
    /** The trampoline of the task that runs this frame; {@code null} while the frame is fresh. */
    Trampoline<?> driver;

    /**
     * Only generated frame classes and the runtime's own coroutines extend this class. Debug mode
     * remembers where each frame was created ({@link FrameOrigins}); otherwise this reads one flag.
     */
    @SuppressWarnings("this-escape") // tracking keeps the frame's identity, and reads none of its fields
    protected AsyncFrame() {
        if (FrameOrigins.tracking) {
            FrameOrigins.track(this);
        }
    }

    /**
     * Runs the body from its current state until it completes or suspends.
     *
     * @return the result, or {@link Await#SUSPENDED}
     */
    protected abstract Object resume();

    /**
     * The trampoline of the task that runs this frame (the task itself: {@code org.jasyncio.Task} is
     * its only subclass), for the runtime's own coroutines that need their task; {@code null} while
     * the frame is fresh.
     */
    protected final Trampoline<?> driver() {
        return driver;
    }

    /**
     * Where this frame's method is suspended now: its class, method name, source file and the line of
     * the {@code await} it waits at (before its first run, the method's first line); {@code null} when
     * unknown. The compiler generates an override in every frame class, with {@link #elementAt};
     * the runtime's hand-written frames keep this default. Called only when an exception passes
     * between frames (see {@link AsyncStackTraces}) or a call graph is captured, so it may allocate.
     */
    protected StackTraceElement suspendedAt() {
        return null;
    }

    /**
     * For generated {@link #suspendedAt()} overrides: the element for {@code state}, whose line is
     * {@code lines.charAt(state)} (0, or a state past the end: unknown).
     *
     * @param className the binary name of the class that declares the method
     * @param method    the method's name
     * @param file      the source file's name, or {@code null}
     * @param lines     the line of each state: the method's first line, then that of each await
     * @param state     the frame's current state
     */
    protected static StackTraceElement elementAt(String className, String method, String file, String lines,
                                                 int state) {
        int line = state >= 0 && state < lines.length() ? lines.charAt(state) : 0;
        return new StackTraceElement(className, method, file, line == 0 ? -1 : line);
    }

    /** Binds this fresh frame to {@code driver}, awaited by {@code caller}; throws if it was used before. */
    final void claim(Trampoline<?> driver, AsyncFrame<?> caller) {
        if (this.driver != null) {
            throw new IllegalStateException("coroutine already awaited: " + this
                    + " (a coroutine object may be awaited or scheduled only once; call the @Async method again)");
        }
        this.driver = driver;
        this.caller = caller;
        if (FrameOrigins.tracking) {
            FrameOrigins.claimed(this);
        }
    }

    /**
     * The {@code @Async} method this frame belongs to, as {@code Owner.method}, derived from the name
     * the compiler gives frame classes ({@code Owner$Async$method}).
     */
    @Override
    public String toString() {
        return methodName(getClass());
    }

    /** The {@code @Async} method of frames of {@code frameClass}, as {@code Owner.method}. */
    static String methodName(Class<?> frameClass) {
        return methodName(frameClass.getName());
    }

    /** The {@code @Async} method of frames of the class named {@code frameClass}, or its simple name. */
    static String methodName(String frameClass) {
        String name = frameClass.substring(frameClass.lastIndexOf('.') + 1);
        String infix = "$Async$";
        int at = name.indexOf(infix);
        return at < 0 ? name : name.substring(0, at) + '.' + name.substring(at + infix.length());
    }
}
