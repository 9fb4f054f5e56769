package org.jasyncio;

import java.util.Arrays;

/**
 * The loop's pending timers: a binary min-heap ordered by deadline, then by scheduling sequence, so
 * timers with equal deadlines fire first-in first-out. An entry is a {@link TimerHandle} or a
 * sleeping {@link Task}; the heap keeps deadlines and sequences in arrays of its own beside the
 * entries, so a sleeping task needs no timer object at all. Each entry knows its index, so removing
 * one is O(log n) instead of leaving it to be skipped later.
 *
 * <p>Thread rule: loop-thread only.
 */
final class TimerQueue {

    private long[] deadlines = new long[16];
    /** Scheduling order; compared by difference, so it may wrap around. */
    private int[] sequences = new int[16];
    private Object[] entries = new Object[16];
    private int size;
    private int nextSequence;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest deadline; the queue must not be empty. */
    long firstDeadline() {
        return deadlines[0];
    }

    /** Queues {@code entry}, a {@link TimerHandle} or a {@link Task}, to come out at {@code deadline}. */
    void add(Object entry, long deadline) {
        if (size == entries.length) {
            int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            entries = Arrays.copyOf(entries, capacity);
        }
        int at = size++;
        deadlines[at] = deadline;
        sequences[at] = nextSequence++;
        entries[at] = entry;
        setIndex(entry, at);
        siftUp(at);
    }

    /** Removes and returns the entry with the earliest deadline; the queue must not be empty. */
    Object poll() {
        Object first = entries[0];
        removeAt(0);
        return first;
    }

    /** Removes {@code entry} if it is queued. */
    void remove(Object entry) {
        int at = indexOf(entry);
        if (at >= 0) {
            removeAt(at);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            setIndex(entries[i], -1);
            entries[i] = null;
        }
        size = 0;
    }

    private void removeAt(int at) {
        setIndex(entries[at], -1);
        size--;
        if (at < size) {
            move(size, at);
            entries[size] = null;
            siftUp(siftDown(at));
        } else {
            entries[size] = null;
        }
    }

    /** Moves the entry at {@code at} up while it is earlier than its parent; returns where it ends. */
    private int siftUp(int at) {
        long deadline = deadlines[at];
        int sequence = sequences[at];
        Object entry = entries[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!earlierThan(deadline, sequence, parent)) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        place(entry, deadline, sequence, at);
        return at;
    }

    /** Moves the entry at {@code at} down while a child is earlier; returns where it ends. */
    private int siftDown(int at) {
        long deadline = deadlines[at];
        int sequence = sequences[at];
        Object entry = entries[at];
        for (int child = 2 * at + 1; child < size; child = 2 * at + 1) {
            if (child + 1 < size && earlierThan(deadlines[child + 1], sequences[child + 1], child)) {
                child++;
            }
            if (!earlier(deadlines[child], sequences[child], deadline, sequence)) {
                break;
            }
            move(child, at);
            at = child;
        }
        place(entry, deadline, sequence, at);
        return at;
    }

    /** Whether a timer at ({@code deadline}, {@code sequence}) comes before the entry at {@code other}. */
    private boolean earlierThan(long deadline, int sequence, int other) {
        return earlier(deadline, sequence, deadlines[other], sequences[other]);
    }

    private static boolean earlier(long deadline, int sequence, long otherDeadline, int otherSequence) {
        return deadline < otherDeadline || deadline == otherDeadline && sequence - otherSequence < 0;
    }

    private void move(int from, int to) {
        place(entries[from], deadlines[from], sequences[from], to);
    }

    private void place(Object entry, long deadline, int sequence, int at) {
        entries[at] = entry;
        deadlines[at] = deadline;
        sequences[at] = sequence;
        setIndex(entry, at);
    }

    private static int indexOf(Object entry) {
        return entry instanceof Task<?> task ? task.timerIndex : ((TimerHandle) entry).index;
    }

    private static void setIndex(Object entry, int at) {
        if (entry instanceof Task<?> task) {
            task.timerIndex = at;
        } else {
            ((TimerHandle) entry).index = at;
        }
    }
}
