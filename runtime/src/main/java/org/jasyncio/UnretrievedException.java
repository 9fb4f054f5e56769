package org.jasyncio;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;

/**
 * Reports a future's exception that nobody retrieved, when the future is garbage-collected, as
 * asyncio's "Task exception was never retrieved". Armed only when a future fails, so futures that
 * succeed cost nothing; disarmed by {@link #retrieved()}.
 *
 * <p>It holds the exception and a description of the future, never the future itself, which must
 * stay collectable. Thread rule: armed and disarmed on the loop thread, {@link #run()} on the
 * cleaner's thread.
 */
final class UnretrievedException implements Runnable {

    private static final Logger LOGGER = System.getLogger("org.jasyncio");

    private final Logger logger;
    private final String future;
    private final Throwable exception;
    private volatile boolean retrieved;

    UnretrievedException(Logger logger, String future, Throwable exception) {
        this.logger = logger;
        this.future = future;
        this.exception = exception;
    }

    /** Arms a report of {@code exception} for when {@code future} becomes unreachable. */
    static UnretrievedException watch(Future<?> future, Throwable exception) {
        UnretrievedException report = new UnretrievedException(LOGGER, future.toString(), exception);
        Cleaners.CLEANER.register(future, report);
        return report;
    }

    /** Disarms the report: the exception reached user code. */
    void retrieved() {
        retrieved = true;
    }

    /** Logs the exception, unless it was retrieved. */
    @Override
    public void run() {
        if (!retrieved) {
            logger.log(Level.ERROR, "exception was never retrieved: " + future, exception);
        }
    }

    /** Starts the cleaner's thread only when a first future fails. */
    private static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
