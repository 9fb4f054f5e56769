package org.jasyncio.net;

import org.jasyncio.Future;
import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * A coroutine that calls its step until the step has a result, as a {@code while} loop around an
 * {@code await} would: the step returns a pending {@link Future} to wait for before it is called
 * again, or the coroutine's result (never a {@code Future}), or throws the coroutine's exception.
 * What the awaited future failed with (a {@code CancellationException} when the task is cancelled)
 * ends the coroutine, after the cleanup, if one was given, has run.
 *
 * <p>The runtime cannot be compiled by its own plugin, so its coroutines are written by hand; this
 * one frame serves every read, drain and wait of the streams, and the {@code sock*} operations.
 *
 * <p>States: not waiting (the step runs next), or waiting for the future the step returned.
 */
final class Poll<T> extends AsyncFrame<T> {

    /** One turn of the loop. */
    @FunctionalInterface
    interface Step {
        /** The result, or a pending future to wait for before the next turn. */
        Object next() throws Exception;
    }

    /** No argument in the name. */
    private static final int NONE = Integer.MIN_VALUE;

    private final String name;
    /** The argument {@link #toString} shows after the name, or {@link #NONE}: a read's size, say. */
    private final int argument;
    private final Step step;
    private final Runnable cleanup;
    private boolean waiting;

    private Poll(String name, int argument, Step step, Runnable cleanup) {
        this.name = name;
        this.argument = argument;
        this.step = step;
        this.cleanup = cleanup;
    }

    /** A coroutine named {@code name} (as its {@code toString} shows) that runs {@code step} until it has a result. */
    static <T> Poll<T> of(String name, Step step) {
        return new Poll<>(name, NONE, step, null);
    }

    /**
     * As {@link #of(String, Step)}, named {@code operation(argument)}: the name is made only when
     * shown, as an idle connection's pending read should cost no string.
     */
    static <T> Poll<T> of(String operation, int argument, Step step) {
        return new Poll<>(operation, argument, step, null);
    }

    /** As {@link #of}, with {@code cleanup} run when a wait fails, before the failure goes on. */
    static <T> Poll<T> withCleanup(String name, Step step, Runnable cleanup) {
        return new Poll<>(name, NONE, step, cleanup);
    }

    @Override
    protected Object resume() {
        if (waiting) {
            waiting = false;
            takeWaited();
        }
        for (;;) {
            Object next;
            try {
                next = step.next();
            } catch (Exception e) {
                throw Throwing.sneaky(e);
            }
            if (!(next instanceof Future<?> pending)) {
                return next;
            }
            Object outcome;
            try {
                outcome = Await.await(pending, this);
            } catch (RuntimeException | Error e) {
                cleanUp();
                throw e;
            }
            if (outcome == Await.SUSPENDED) {
                waiting = true;
                return outcome;
            }
        }
    }

    private void takeWaited() {
        try {
            Await.resumed(this);
        } catch (Throwable t) {
            cleanUp();
            throw t;
        }
    }

    private void cleanUp() {
        if (cleanup != null) {
            cleanup.run();
        }
    }

    @Override
    public String toString() {
        return argument == NONE ? name : name + "(" + argument + ")";
    }
}
