package org.jasyncio.queues;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class LifoQueueTest {

    private final LifoQueue<String> stack = new LifoQueue<>(3);

    @Async
    Coroutine<List<String>> pushThenPop() {
        await(stack.put("a"));
        await(stack.put("b"));
        await(stack.put("c"));
        Task<Void> blocked = createTask(stack.put("d"));
        await(sleep(0));
        String first = await(stack.get());
        await(blocked);
        return completed(List.of(first, await(stack.get()), await(stack.get()), await(stack.get())));
    }

    @Test
    void elements_comeOutLastInFirstOut() {
        assertEquals(List.of("c", "d", "b", "a"), VirtualTime.run(pushThenPop()));
    }
}
