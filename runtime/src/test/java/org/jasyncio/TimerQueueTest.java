package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The loop's timer heap, through the loop: what fires, in which order, and what the heap keeps. */
class TimerQueueTest {

    private final EventLoop loop = Loops.virtual();
    private final List<Integer> fired = new ArrayList<>();

    @Test
    void randomTimersWithCancellations_fireByDeadlineThenSequence() {
        Random random = new Random(42);
        List<TimerHandle> timers = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            timers.add(schedule(i, random.nextInt(50)));
            expected.add(i);
            if (i % 7 == 0) {
                int cancelled = expected.remove(random.nextInt(expected.size()));
                timers.get(cancelled).cancel();
            }
        }
        // A stable sort: among equal deadlines, the order of scheduling.
        expected.sort(Comparator.comparingLong(i -> timers.get(i).when()));

        loop.runUntilComplete(Asyncio.sleep(100));

        assertEquals(expected, fired);
    }

    @Test
    void mostTimersCancelled_heapDropsThemBeforeTheyComeDue() {
        Random random = new Random(7);
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            timers.add(schedule(i, 1 + random.nextInt(50)));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (i % 5 < 3) {
                timers.get(i).cancel();
            } else {
                expected.add(i);
            }
        }
        expected.sort(Comparator.comparingLong(i -> timers.get(i).when()));

        assertTrue(loop.timersQueued() < 1000, "cancelled timers kept: " + loop.timersQueued());
        loop.runUntilComplete(Asyncio.sleep(100));

        assertEquals(expected, fired);
        assertEquals(0, loop.timersQueued());
    }

    @Test
    void cancelledTimerAtTheHead_loopDoesNotWaitForIt() {
        schedule(1, 1000).cancel();
        schedule(2, 10);

        loop.runUntilComplete(Asyncio.sleep(5));
        loop.runUntilComplete(loop.createTask(Asyncio.sleep(10)));

        // The cancelled timer's hour never passes on the virtual clock: the loop stops at 15 ms.
        assertEquals(List.of(2), fired);
        assertEquals(15_000_000, loop.time());
    }

    @Test
    void cancel_afterTheTimerFired_changesNothingButTheFlag() {
        TimerHandle timer = schedule(1, 10);
        loop.runUntilComplete(Asyncio.sleep(20));

        timer.cancel();

        assertTrue(timer.isCancelled());
        assertEquals(List.of(1), fired);
        assertEquals(0, loop.timersQueued());
    }

    private TimerHandle schedule(int id, long millis) {
        return loop.callAt(millis * 1_000_000, () -> fired.add(id));
    }
}
