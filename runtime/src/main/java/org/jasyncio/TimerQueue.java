package org.jasyncio;

import java.util.Arrays;

/**
 * The loop's pending timers: a binary min-heap ordered by deadline, then by scheduling sequence, so
 * timers with equal deadlines fire first-in first-out. Each handle knows its index, so cancelling
 * removes it in O(log n) instead of leaving it to be skipped later.
 *
 * <p>Thread rule: loop-thread only.
 */
final class TimerQueue {

    private TimerHandle[] heap = new TimerHandle[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest timer, or {@code null}. */
    TimerHandle peek() {
        return size == 0 ? null : heap[0];
    }

    void add(TimerHandle timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = timer;
        timer.index = size;
        size++;
        siftUp(timer.index);
    }

    /** Removes and returns the earliest timer. */
    TimerHandle poll() {
        TimerHandle first = heap[0];
        remove(first);
        return first;
    }

    /** Removes {@code timer} if it is queued. */
    void remove(TimerHandle timer) {
        int at = timer.index;
        if (at < 0) {
            return;
        }
        timer.index = -1;
        size--;
        TimerHandle last = heap[size];
        heap[size] = null;
        if (at < size) {
            place(last, at);
            siftDown(at);
            siftUp(last.index);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].index = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void siftUp(int at) {
        TimerHandle timer = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!timer.before(heap[parent])) {
                break;
            }
            place(heap[parent], at);
            at = parent;
        }
        place(timer, at);
    }

    private void siftDown(int at) {
        TimerHandle timer = heap[at];
        for (int child = 2 * at + 1; child < size; child = 2 * at + 1) {
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            if (!heap[child].before(timer)) {
                break;
            }
            place(heap[child], at);
            at = child;
        }
        place(timer, at);
    }

    private void place(TimerHandle timer, int at) {
        heap[at] = timer;
        timer.index = at;
    }
}
