package org.jasyncio;

import java.lang.ref.Cleaner;

/**
 * Reports a future's exception that nobody retrieved, when the future is garbage-collected, as
 * asyncio's "Task exception was never retrieved". Armed only when a future fails, so futures that
 * succeed cost nothing; disarmed by {@link #retrieved()}. The report goes to the loop's exception
 * handler, on the loop's thread, while the loop is open; else to its default handler.
 *
 * <p>It holds the loop, the exception and a description of the future, never the future itself,
 * which must stay collectable. Thread rule: armed and disarmed on the loop thread, {@link #run()} on
 * the cleaner's thread.
 */
final class UnretrievedException implements Runnable {

    private final EventLoop loop;
    private final String future;
    private final Throwable exception;
    private volatile boolean retrieved;

    UnretrievedException(EventLoop loop, String future, Throwable exception) {
        this.loop = loop;
        this.future = future;
        this.exception = exception;
    }

    /** Arms a report of {@code exception} for when {@code future} becomes unreachable. */
    static UnretrievedException watch(Future<?> future, Throwable exception) {
        UnretrievedException report = new UnretrievedException(future.loop, future.toString(), exception);
        Cleaners.CLEANER.register(future, report);
        if (future.loop.failuresKept != null) {
            future.loop.failuresKept.add(report);
        }
        return report;
    }

    /** The exception to report. */
    Throwable exception() {
        return exception;
    }

    /** Disarms the report: the exception reached user code. */
    void retrieved() {
        retrieved = true;
    }

    boolean isRetrieved() {
        return retrieved;
    }

    /** The report, as the loop's exception handler receives it. */
    ErrorContext context() {
        return new ErrorContext("exception was never retrieved: " + future, exception, null, null);
    }

    /** Reports the exception, unless it was retrieved. */
    @Override
    public void run() {
        if (!retrieved) {
            EventLoop.report(loop, context());
        }
    }

    /** Starts the cleaner's thread only when a first future fails. */
    private static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
