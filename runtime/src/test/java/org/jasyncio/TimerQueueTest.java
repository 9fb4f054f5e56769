package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private final EventLoop loop = Loops.virtual();

    @Test
    void poll_randomTimersWithRemovals_comeOutByDeadlineThenSequence() {
        Random random = new Random(42);
        TimerQueue queue = new TimerQueue();
        List<TimerHandle> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            TimerHandle timer = new TimerHandle(loop, random.nextInt(50), () -> { });
            queue.add(timer, timer.deadline);
            expected.add(timer);
            if (i % 7 == 0) {
                TimerHandle removed = expected.remove(random.nextInt(expected.size()));
                queue.remove(removed);
                assertEquals(-1, removed.index);
            }
        }
        // A stable sort: among equal deadlines, the order of scheduling.
        expected.sort(Comparator.comparingLong((TimerHandle t) -> t.deadline));

        List<TimerHandle> actual = new ArrayList<>();
        while (!queue.isEmpty()) {
            actual.add((TimerHandle) queue.poll());
        }

        assertEquals(expected, actual);
    }

    @Test
    void remove_timerNotQueued_isIgnored() {
        TimerQueue queue = new TimerQueue();
        TimerHandle timer = new TimerHandle(loop, 1, () -> { });

        queue.remove(timer);

        assertTrue(queue.isEmpty());
    }
}
