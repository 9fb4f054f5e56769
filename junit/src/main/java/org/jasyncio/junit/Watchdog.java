package org.jasyncio.junit;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real-time alarms for tests' timeouts, on one daemon thread shared by every test, made when a first
 * test runs. An alarm's action must hand its work to the test's loop ({@code callSoonThreadsafe}):
 * it runs on the watchdog's thread.
 */
final class Watchdog {

    /** A repeating alarm; {@link #cancel()} stops it. */
    interface Alarm {
        void cancel();
    }

    private Watchdog() {
    }

    /** Runs {@code action} every {@code period} of real time, the first time one period from now, until closed. */
    static Alarm every(Duration period, Runnable action) {
        long nanos = period.toNanos();
        ScheduledFuture<?> alarm = Timer.TIMER.scheduleWithFixedDelay(action, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> alarm.cancel(false);
    }

    private static final class Timer {
        static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "jasyncio-test-watchdog");
            thread.setDaemon(true);
            return thread;
        });

        static {
            // Tests' alarms are mostly closed long before they are due: drop them then, not when due.
            TIMER.setRemoveOnCancelPolicy(true);
        }
    }
}
