package org.jasyncio.internal;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debug mode's memory of where coroutines were created, to report one that is garbage-collected
 * without ever being awaited or scheduled, as Python's "coroutine ... was never awaited". Not for
 * user code.
 *
 * <p>On with {@code -Djasyncio.debug=true}, or while some open loop is in debug mode
 * ({@code setDebug(true)}). While off it costs each {@link AsyncFrame} one read of a plain static field; while on, each
 * new frame records a stack trace and a cleaner registration.
 *
 * <p>Thread rule: frames are tracked and claimed on any thread; reports are made on the cleaner's
 * thread and handed to the loop that was running where the frame was created.
 */
public final class FrameOrigins {

    /** The system property that turns debug mode on. */
    public static final String PROPERTY = "jasyncio.debug";

    /**
     * Whether new frames are tracked. Plain, not volatile: it is read by every frame's constructor,
     * and a thread that sees it late only misses a few frames.
     */
    static boolean tracking = Boolean.getBoolean(PROPERTY);

    /** How many open loops are in debug mode. */
    private static final AtomicInteger DEBUG_LOOPS = new AtomicInteger();

    private static final Map<AsyncFrame<?>, Origin> ORIGINS = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile Reporter reporter;

    private FrameOrigins() {
    }

    /** Where reports go: the event loop, which installs itself when its class is initialised. */
    public interface Reporter {

        /** The loop running on the calling thread, or {@code null}. */
        Object runningLoop();

        /** Reports, from the cleaner's thread, a coroutine never awaited, to {@code loop} (or {@code null}). */
        void neverAwaited(Object loop, String message, Throwable origin);
    }

    /** Called once, by {@code EventLoop}'s static initialiser. */
    public static void install(Reporter loopReporter) {
        reporter = loopReporter;
    }

    /** Whether {@code -Djasyncio.debug=true} was given. */
    public static boolean enabledByProperty() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** A loop entered debug mode: frames created from now on are tracked. */
    public static void debugLoopStarted() {
        DEBUG_LOOPS.incrementAndGet();
        tracking = true;
    }

    /** A loop left debug mode, or closed in it: tracking stops with the last one, unless the property asks for it. */
    public static void debugLoopEnded() {
        if (DEBUG_LOOPS.decrementAndGet() == 0 && !enabledByProperty()) {
            tracking = false;
        }
    }

    /** Remembers where {@code frame}, fresh, was created. */
    static void track(AsyncFrame<?> frame) {
        Reporter installed = reporter;
        if (installed == null) {
            // A coroutine made before any loop: initialising the loop's class installs the reporter.
            try {
                Class.forName("org.jasyncio.EventLoop", true, FrameOrigins.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            installed = reporter;
        }
        Origin origin = new Origin(frame.getClass(), installed, installed == null ? null : installed.runningLoop(),
                new Throwable("the coroutine was created here"));
        ORIGINS.put(frame, origin);
        Cleaners.CLEANER.register(frame, origin);
    }

    /** {@code frame} was awaited or scheduled: nothing to report. */
    static void claimed(AsyncFrame<?> frame) {
        Origin origin = ORIGINS.remove(frame);
        if (origin != null) {
            origin.claimed = true;
        }
    }

    /** The creation of one frame; run by the cleaner once the frame is unreachable. */
    private static final class Origin implements Runnable {
        private final Class<?> frameClass;
        private final Reporter reporter;
        private final Object loop;
        private final Throwable origin;
        private volatile boolean claimed;

        Origin(Class<?> frameClass, Reporter reporter, Object loop, Throwable origin) {
            this.frameClass = frameClass;
            this.reporter = reporter;
            this.loop = loop;
            this.origin = origin;
        }

        @Override
        public void run() {
            if (claimed || reporter == null) {
                return;
            }
            String coroutine = AsyncFrame.methodName(frameClass);
            StackTraceElement[] trace = creationSite(origin.getStackTrace(), coroutine);
            origin.setStackTrace(trace);
            String where = trace.length > 0 ? trace[0].toString() : "an unknown place";
            reporter.neverAwaited(loop, "coroutine " + coroutine + " was never awaited; it was created at " + where
                    + " (await it, or schedule it with createTask)", origin);
        }

        /** The stack from the call that made the coroutine: without the runtime's and the frame's constructors. */
        private static StackTraceElement[] creationSite(StackTraceElement[] stack, String coroutine) {
            List<StackTraceElement> site = new ArrayList<>(List.of(stack));
            while (!site.isEmpty() && isMaking(site.get(0), coroutine)) {
                site.remove(0);
            }
            return site.toArray(new StackTraceElement[0]);
        }

        private static boolean isMaking(StackTraceElement element, String coroutine) {
            String owner = element.getClassName();
            return owner.startsWith(FrameOrigins.class.getPackageName() + ".")
                    || element.getMethodName().equals("<init>")
                    || owner.equals("org.jasyncio.Asyncio")
                    || (AsyncFrame.methodName(owner) + "." + element.getMethodName()).equals(coroutine);
        }
    }

    /** Starts the cleaner's thread only when a first frame is tracked. */
    private static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
