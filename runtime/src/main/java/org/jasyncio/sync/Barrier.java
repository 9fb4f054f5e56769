package org.jasyncio.sync;

import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;
import org.jasyncio.internal.Waiters;
import org.jasyncio.internal.WaitingFrame;

/**
 * A meeting point for a fixed number of tasks of one event loop, as asyncio's {@code Barrier}: each
 * task that arrives waits until {@link #parties()} tasks have arrived, then all of them go on, and
 * the barrier can be used again.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #arriveAndWait()} awaited</th><th>next</th></tr>
 *   <tr><td>filling (initially)</td><td>waits for the others; the last to arrive releases them all</td>
 *       <td>draining, when the last party arrives</td></tr>
 *   <tr><td>draining</td><td>waits until the released tasks have all left</td><td>filling, when they have</td></tr>
 *   <tr><td>resetting</td><td>waits until the tasks that were waiting have left, each with
 *       {@link BrokenBarrierException}</td><td>filling, when they have</td></tr>
 *   <tr><td>broken</td><td>throws {@link BrokenBarrierException}</td><td>none but {@link #reset()}</td></tr>
 * </table>
 *
 * <p>{@link #reset()} and {@link #abort()} are plain methods: on one loop they never have to wait.
 * A task cancelled while waiting leaves the barrier (it is no longer counted) without breaking it,
 * as in asyncio.
 *
 * <p>The barrier binds to the loop of the first task that waits on it; a task of another loop that
 * has to wait on it gets {@link IllegalStateException}. Thread rule: loop-thread only.
 */
@SuppressWarnings("this-escape") // Waiters keeps its owner only to name it in messages
public class Barrier {

    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    private final Waiters waiters = new Waiters(this);
    private State state = State.FILLING;
    /** The tasks in the barrier: waiting to be released, or released and not yet gone. */
    private int count;

    /**
     * A barrier for {@code parties} tasks.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least one party: " + parties);
        }
        this.parties = parties;
    }

    /**
     * A coroutine that arrives at the barrier and waits until {@link #parties()} tasks have arrived;
     * it returns the order of arrival, from 0 to {@code parties() - 1}. A barrier that is draining or
     * resetting makes it wait first until that is over.
     *
     * @throws BrokenBarrierException when awaited, if the barrier is broken ({@link #abort()}), or is
     *         reset or aborted while it waits
     */
    public Coroutine<Integer> arriveAndWait() throws BrokenBarrierException {
        return new ArriveAndWait(this);
    }

    /**
     * Puts the barrier back in its initial state: the tasks waiting in it get
     * {@link BrokenBarrierException}, and it fills again once they have left. Also repairs a broken
     * barrier.
     */
    public void reset() {
        if (count > 0) {
            state = State.RESETTING;
        } else {
            state = State.FILLING;
        }
        waiters.wakeAll();
    }

    /**
     * Breaks the barrier: the tasks waiting in it, and those that arrive until {@link #reset()}, get
     * {@link BrokenBarrierException}.
     */
    public void abort() {
        state = State.BROKEN;
        waiters.wakeAll();
    }

    /** How many tasks must arrive to pass the barrier. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait in the barrier while it fills; 0 while it drains, resets or is broken. */
    public int waiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Whether the barrier is broken, by {@link #abort()}. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        return "Barrier[" + state.name().toLowerCase(Locale.ROOT) + ", " + count + "/" + parties + "]";
    }

    /** The last party out puts a draining or resetting barrier back to filling. */
    private void leave() {
        count--;
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            waiters.wakeAll();
        }
    }

    /**
     * The coroutine of {@link #arriveAndWait()}. States: entering (waiting while the barrier drains
     * or resets), then, once counted, in the barrier (waiting while it fills). Every wait is for the
     * next change of state: all waiters are woken and each checks again.
     */
    private static final class ArriveAndWait extends WaitingFrame<Integer> {

        private final Barrier barrier;
        /** The order of arrival, or -1 while entering. */
        private int index = -1;

        ArriveAndWait(Barrier barrier) {
            this.barrier = barrier;
        }

        @Override
        protected Object resume() {
            if (waited()) {
                barrier.waiters.leave(this);
                try {
                    Await.resumed(this);
                } catch (RuntimeException e) {
                    if (index >= 0) {
                        barrier.leave();
                    }
                    throw e;
                }
            }
            return index < 0 ? enter() : inside();
        }

        private Object enter() {
            if (barrier.state == State.DRAINING || barrier.state == State.RESETTING) {
                return waitForChange();
            }
            if (barrier.state == State.BROKEN) {
                throw Throwing.sneaky(new BrokenBarrierException(barrier + " was aborted: reset() it before it is used again"));
            }
            index = barrier.count++;
            if (index + 1 == barrier.parties) {
                barrier.state = State.DRAINING;
                barrier.waiters.wakeAll();
                barrier.leave();
                return index;
            }
            return inside();
        }

        private Object inside() {
            State state = barrier.state;
            if (state == State.FILLING) {
                return waitForChange();
            }
            barrier.leave();
            if (state == State.BROKEN || state == State.RESETTING) {
                throw Throwing.sneaky(new BrokenBarrierException(barrier + " was " + (state == State.BROKEN
                        ? "aborted" : "reset") + " while " + (index + 1) + " of " + barrier.parties + " tasks waited"));
            }
            return index;
        }

        private Object waitForChange() {
            return barrier.waiters.park(this);
        }

        @Override
        public String toString() {
            return "Barrier.arriveAndWait";
        }
    }
}
