package org.jasyncio.sync;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Waiters;
import org.jasyncio.internal.WaitingFrame;

/**
 * A flag that tasks of one event loop can wait for, as asyncio's {@code Event}.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isSet()}</th><th>{@link #waitUntilSet()} awaited</th></tr>
 *   <tr><td>clear (initially)</td><td>false</td><td>waits until {@link #set()}</td></tr>
 *   <tr><td>set</td><td>true</td><td>returns without suspending</td></tr>
 * </table>
 *
 * <p>{@link #set()} wakes every task waiting, in the order they started waiting; each of them then
 * returns, even if the event was cleared again before it ran.
 *
 * <p>The event binds to the loop of the first task that waits on it; a task of another loop that has
 * to wait on it gets {@link IllegalStateException}. Thread rule: loop-thread only.
 */
@SuppressWarnings("this-escape") // Waiters keeps its owner only to name it in messages
public class Event {

    private final Waiters waiters = new Waiters(this);
    private boolean set;

    /** A clear event. */
    public Event() {
    }

    /** Sets the flag and wakes every task waiting for it. */
    public void set() {
        if (!set) {
            set = true;
            waiters.wakeAll();
        }
    }

    /** Clears the flag: tasks that wait from now on wait for the next {@link #set()}. */
    public void clear() {
        set = false;
    }

    /** Whether the flag is set. */
    public boolean isSet() {
        return set;
    }

    /** A coroutine that returns once the flag is set: at once if it is. */
    public Coroutine<Void> waitUntilSet() {
        return new WaitUntilSet(this);
    }

    @Override
    public String toString() {
        return "Event[" + (set ? "set" : "clear") + ", waiters=" + waiters.size() + "]";
    }

    /** The coroutine of {@link #waitUntilSet()}. States: not started, waiting ({@link #waited()}). */
    private static final class WaitUntilSet extends WaitingFrame<Void> {

        private final Event event;

        WaitUntilSet(Event event) {
            this.event = event;
        }

        @Override
        protected Object resume() {
            if (waited()) {
                event.waiters.leave(this);
                return Await.resumed(this);
            }
            if (event.set) {
                return null;
            }
            return event.waiters.park(this);
        }

        @Override
        public String toString() {
            return "Event.waitUntilSet";
        }
    }
}
