package org.jasyncio;

import java.util.Arrays;

/**
 * The loop's pending timers: a 4-ary min-heap ordered by deadline, then by scheduling sequence, so
 * timers with equal deadlines fire first-in first-out. An entry is a {@link TimerHandle} or a
 * sleeping {@link Task}; the heap keeps deadlines and sequences in arrays of its own beside the
 * entries, so a sleeping task needs no timer object at all, and sifting reads and writes only these
 * arrays, never the entries themselves.
 *
 * <p>Removal is lazy, as asyncio's: a cancelled timer, or a task woken before its deadline, stays
 * in the heap as a stale entry until it reaches the head, where it is dropped, or until stale
 * entries make up more than half of a heap of some size, when the heap is rebuilt without them. A
 * task's entry is live while the task still sleeps ({@link Task#sleepsOn(int)}) on the sequence it
 * was given, so a task that wakes and sleeps again leaves its old entry stale.
 *
 * <p>Thread rule: loop-thread only.
 */
final class TimerQueue {

    /** Fewer stale entries than this are never worth a rebuild. */
    private static final int MIN_STALE_TO_COMPACT = 64;

    private long[] deadlines = new long[16];
    /** Scheduling order; compared by difference, so it may wrap around. */
    private int[] sequences = new int[16];
    private Object[] entries = new Object[16];
    private int size;
    private int nextSequence;
    /** How many entries were cancelled while in the heap and are still in it; at least as many as are stale. */
    private int stale;

    /** Whether no live timer is pending; drops the stale entries at the head, so that {@link #firstDeadline()} is live. */
    boolean isEmpty() {
        while (size > 0 && isStale(entries[0], sequences[0])) {
            stale--;
            removeFirst();
        }
        return size == 0;
    }

    /** The earliest deadline; {@link #isEmpty()} must have returned {@code false} just before. */
    long firstDeadline() {
        return deadlines[0];
    }

    /**
     * Queues {@code entry}, a {@link TimerHandle} or a {@link Task}, to come out at {@code deadline};
     * a task learns the sequence its entry has.
     */
    void add(Object entry, long deadline) {
        if (size == entries.length) {
            int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            entries = Arrays.copyOf(entries, capacity);
        }
        int sequence = nextSequence++;
        if (entry instanceof Task<?> task) {
            task.timerSequence = sequence;
        } else {
            ((TimerHandle) entry).queued = true;
        }
        siftUp(size++, entry, deadline, sequence);
    }

    /**
     * Removes and returns the entry with the earliest deadline, which then leaves the timers: a
     * handle is no longer queued, a task no longer sleeps. {@link #isEmpty()} must have returned
     * {@code false} just before.
     */
    Object poll() {
        Object first = entries[0];
        removeFirst();
        if (first instanceof Task<?> task) {
            task.timerFired();
        } else {
            ((TimerHandle) first).queued = false;
        }
        return first;
    }

    /** Notes that an entry in the heap became stale: a cancelled handle, or a task woken early. */
    void entryCancelled() {
        stale++;
        if (stale >= MIN_STALE_TO_COMPACT && stale > size / 2) {
            compact();
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            if (entries[i] instanceof TimerHandle timer) {
                timer.queued = false;
            }
            entries[i] = null;
        }
        size = 0;
        stale = 0;
    }

    /** Number of entries, stale ones included. */
    int size() {
        return size;
    }

    private static boolean isStale(Object entry, int sequence) {
        return entry instanceof Task<?> task ? !task.sleepsOn(sequence) : ((TimerHandle) entry).isCancelled();
    }

    private void removeFirst() {
        int last = --size;
        Object entry = entries[last];
        entries[last] = null;
        if (last > 0) {
            siftDown(0, entry, deadlines[last], sequences[last]);
        }
    }

    /** Keeps the live entries only, and makes them a heap again, bottom up, in linear time. */
    private void compact() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            Object entry = entries[i];
            if (!isStale(entry, sequences[i])) {
                entries[live] = entry;
                deadlines[live] = deadlines[i];
                sequences[live] = sequences[i];
                live++;
            }
        }
        Arrays.fill(entries, live, size, null);
        size = live;
        stale = 0;
        if (size > 1) {
            for (int at = (size - 2) >>> 2; at >= 0; at--) {
                siftDown(at, entries[at], deadlines[at], sequences[at]);
            }
        }
    }

    /** Puts {@code entry} at the hole {@code at}, or above it while it is earlier than the parent. */
    private void siftUp(int at, Object entry, long deadline, int sequence) {
        while (at > 0) {
            int parent = (at - 1) >>> 2;
            if (!earlier(deadline, sequence, deadlines[parent], sequences[parent])) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        place(at, entry, deadline, sequence);
    }

    /** Puts {@code entry} at the hole {@code at}, or below it while a child is earlier. */
    private void siftDown(int at, Object entry, long deadline, int sequence) {
        for (int child = 4 * at + 1; child < size; child = 4 * at + 1) {
            int earliest = child;
            long earliestDeadline = deadlines[child];
            int earliestSequence = sequences[child];
            for (int other = child + 1, end = Math.min(child + 4, size); other < end; other++) {
                if (earlier(deadlines[other], sequences[other], earliestDeadline, earliestSequence)) {
                    earliest = other;
                    earliestDeadline = deadlines[other];
                    earliestSequence = sequences[other];
                }
            }
            if (!earlier(earliestDeadline, earliestSequence, deadline, sequence)) {
                break;
            }
            move(earliest, at);
            at = earliest;
        }
        place(at, entry, deadline, sequence);
    }

    private static boolean earlier(long deadline, int sequence, long otherDeadline, int otherSequence) {
        return deadline < otherDeadline || deadline == otherDeadline && sequence - otherSequence < 0;
    }

    private void move(int from, int to) {
        place(to, entries[from], deadlines[from], sequences[from]);
    }

    private void place(int at, Object entry, long deadline, int sequence) {
        entries[at] = entry;
        deadlines[at] = deadline;
        sequences[at] = sequence;
    }
}
