package org.jasyncio.queues;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class PriorityQueueTest {

    @Async
    Coroutine<List<String>> putThenTakeAll(Queue<String> queue, String... items) {
        for (String item : items) {
            await(queue.put(item));
        }
        List<String> taken = new ArrayList<>();
        while (!queue.isEmpty()) {
            taken.add(await(queue.get()));
        }
        return completed(taken);
    }

    @Test
    void naturalOrder_givesTheLeastFirst() {
        assertEquals(List.of("a", "b", "c", "d"), VirtualTime.run(putThenTakeAll(new PriorityQueue<>(), "c", "a", "d", "b")));
    }

    @Test
    void comparator_decidesTheOrder() {
        PriorityQueue<String> byLength = new PriorityQueue<>(4, Comparator.comparing(String::length));
        assertEquals(List.of("a", "bb", "ccc", "dddd"), VirtualTime.run(putThenTakeAll(byLength, "ccc", "a", "dddd", "bb")));
        assertEquals(4, byLength.maxSize());
    }
}
