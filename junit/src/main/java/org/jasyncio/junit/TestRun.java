package org.jasyncio.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.Coroutine;
import org.jasyncio.ErrorContext;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;
import org.jasyncio.internal.Clock;
import org.jasyncio.internal.LoopFactory;
import org.jasyncio.internal.VirtualClock;

/**
 * One run of an {@link AsyncTest} method, on a loop of its own that it closes at the end.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>what runs</th><th>on timeout</th></tr>
 *   <tr><td>testing</td><td>the test's coroutine, in the task {@link TestBody}</td><td>note where every task
 *       is, cancel the test</td></tr>
 *   <tr><td>cleaning up</td><td>the tasks the test left pending, cancelled, until they end</td><td>note where
 *       they are, stop the loop</td></tr>
 *   <tr><td>checked</td><td>nothing: the outcome is thrown or the method returns</td><td>-</td></tr>
 * </table>
 * A second timeout while the test or its leftovers ignore their cancellation stops the loop. When a
 * timeout finds the previous one still waiting for the loop, a step blocks the loop's thread (in
 * {@code Thread.sleep}, a lock, blocking I/O): the watchdog notes where, and interrupts it.
 *
 * <p>Thread rule: the thread that calls {@link #run} runs the loop; the watchdog's thread only hands
 * the timeout over to the loop.
 */
final class TestRun {

    private final String name;
    private final Duration timeout;
    private final EventLoop loop;
    private final TestBody body;
    private final List<ErrorContext> reported = new ArrayList<>();
    private Task<Void> main;
    private boolean cleaningUp;
    /** Where each task was when the test timed out; {@code null} while it has not. */
    private String timedOut;
    /** Whether the timeout came while the tasks the test left were being cancelled. */
    private boolean timedOutCleaningUp;
    private final Thread loopThread = Thread.currentThread();
    /** Whether an alarm was handed to the loop, which has not taken it yet; set by the watchdog. */
    private volatile boolean alarmPending;
    /** Where the loop's thread was blocked when the watchdog interrupted it; {@code null} if it did not. */
    private volatile StackTraceElement[] blockedAt;

    private TestRun(Coroutine<?> test, String name, boolean virtualTime, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
        this.loop = LoopFactory.keepingFailures(virtualTime ? new VirtualClock() : Clock.SYSTEM);
        this.body = new TestBody(test);
    }

    /** Runs {@code test} on a new loop, then throws what went wrong, if anything did. */
    static void run(Coroutine<?> test, String name, boolean virtualTime, Duration timeout) throws Throwable {
        new TestRun(test, name, virtualTime, timeout).run();
    }

    private void run() throws Throwable {
        loop.setExceptionHandler((ignored, context) -> handle(context));
        Watchdog.Alarm alarm = Watchdog.every(timeout, this::alarm);
        try {
            main = loop.createTask(body, name);
            runUntilDone(main);
            cleaningUp = true;
            if (!body.leftPending().isEmpty() && timedOut == null) {
                runUntilDone(Asyncio.gatherOutcomes(body.leftPending()));
            }
        } finally {
            alarm.cancel();
            loop.close();
            if (blockedAt != null) {
                // The interrupt was meant for the step that blocked, not for whatever JUnit runs next.
                Thread.interrupted();
            }
        }
        check();
    }

    /** Runs the loop until {@code awaitable} is done, or until a timeout stops it. */
    private void runUntilDone(Awaitable<?> awaitable) {
        try {
            loop.runUntilComplete(awaitable);
        } catch (IllegalStateException stoppedByTimeout) {
            if (timedOut == null) {
                throw stoppedByTimeout;
            }
        }
    }

    /** On the watchdog's thread. */
    private void alarm() {
        if (alarmPending && blockedAt == null) {
            blockedAt = loopThread.getStackTrace();
            loopThread.interrupt();
        }
        alarmPending = true;
        try {
            loop.callSoonThreadsafe(this::timeUp);
        } catch (IllegalStateException closed) {
            // The test ended while the alarm went off: there is nothing left to time out.
        }
    }

    /** On the loop's thread, each time the timeout passes while the loop runs. */
    private void timeUp() {
        alarmPending = false;
        if (!loop.isRunning()) {
            // Run by close(): the alarm went off as the test ended, and there is nothing left to time out.
            return;
        }
        if (timedOut != null || cleaningUp) {
            if (timedOut == null) {
                timedOut = callGraphs();
                timedOutCleaningUp = true;
            }
            loop.stop();
            return;
        }
        timedOut = callGraphs();
        main.cancel(name + " timed out after " + describe(timeout));
    }

    private static String callGraphs() {
        StringBuilder graphs = new StringBuilder();
        for (Task<?> task : Asyncio.allTasks()) {
            graphs.append(Asyncio.formatCallGraph(task));
        }
        return graphs.toString();
    }

    private void handle(ErrorContext context) {
        if (context.exception() == null) {
            loop.defaultExceptionHandler(context);
        } else {
            reported.add(context);
        }
    }

    /** Throws the test's outcome: its own exception, or what it left behind; returns when it passed. */
    private void check() throws Throwable {
        Throwable failure = body.failure();
        if (timedOut != null) {
            TimeoutException timeoutFailure = new TimeoutException(name + " timed out after " + describe(timeout)
                    + (timedOutCleaningUp ? ", while the tasks it left pending were being cancelled" : "")
                    + "; where each task was then:\n" + timedOut + blockedDescription());
            if (failure != null && !(failure instanceof CancellationException)) {
                timeoutFailure.addSuppressed(failure);
            }
            AssertionError leftBehind = leftBehind();
            if (leftBehind != null) {
                timeoutFailure.addSuppressed(leftBehind);
            }
            throw timeoutFailure;
        }
        AssertionError leftBehind = leftBehind();
        if (failure != null) {
            if (leftBehind != null) {
                failure.addSuppressed(leftBehind);
            }
            throw failure;
        }
        if (leftBehind != null) {
            throw leftBehind;
        }
    }

    /** What the test left behind: tasks pending, exceptions nobody retrieved; {@code null} when nothing. */
    private AssertionError leftBehind() {
        StringBuilder message = new StringBuilder();
        List<Task<?>> pending = body.leftPending();
        List<Throwable> exceptions = new ArrayList<>();
        if (!pending.isEmpty()) {
            message.append(name).append(" left ").append(pending.size())
                    .append(pending.size() == 1 ? " task" : " tasks").append(" pending (cancelled when it ended);")
                    .append(" await each task the test creates, or cancel it and await it, before the test returns.")
                    .append(" Where each was suspended:\n").append(body.whereLeft());
        }
        for (Task<?> task : pending) {
            if (task.isDone() && !task.isCancelled() && task.exception() != null) {
                message.append(name).append(": ").append(task).append(", cancelled, failed with ")
                        .append(task.exception()).append('\n');
                exceptions.add(task.exception());
            }
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(exceptions);
        List<ErrorContext> unretrieved = new ArrayList<>(LoopFactory.takeUnretrieved(loop));
        unretrieved.addAll(reported);
        for (ErrorContext context : unretrieved) {
            if (seen.add(context.exception())) {
                message.append(name).append(": ").append(context.message());
                if (!context.message().contains(context.exception().toString())) {
                    message.append(": ").append(context.exception());
                }
                message.append('\n');
                exceptions.add(context.exception());
            }
        }
        if (message.length() == 0) {
            return null;
        }
        AssertionError error = new AssertionError(message.toString().stripTrailing(),
                exceptions.isEmpty() ? null : exceptions.get(0));
        for (Throwable other : exceptions.subList(Math.min(1, exceptions.size()), exceptions.size())) {
            error.addSuppressed(other);
        }
        return error;
    }

    private String blockedDescription() {
        if (blockedAt == null) {
            return "";
        }
        StringBuilder where = new StringBuilder("A step blocked the loop's thread; it was interrupted at:\n");
        for (StackTraceElement frame : blockedAt) {
            if (frame.getClassName().equals(EventLoop.class.getName())) {
                break;
            }
            // Without the class loader and module names, as call graphs show frames.
            where.append("|   at ").append(new StackTraceElement(frame.getClassName(), frame.getMethodName(),
                    frame.getFileName(), frame.getLineNumber())).append('\n');
        }
        return where.toString();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
