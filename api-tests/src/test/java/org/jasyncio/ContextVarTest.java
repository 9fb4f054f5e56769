package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.toThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** ContextVar: a task runs in a copy of its creator's context. */
class ContextVarTest {

    private final ContextVar<String> user = new ContextVar<>("user", "nobody");
    private final ContextVar<Integer> depth = new ContextVar<>("depth");
    private final Events events = new Events();

    @Async
    Coroutine<Void> child(String name, long sleepSeconds) {
        events.add(name + " starts with " + user.get());
        user.set(name);
        await(sleep(Duration.ofSeconds(sleepSeconds)));
        events.add(name + " sees " + user.get());
        Task<Void> grandchild = createTask(report(name + "'s child"));
        await(grandchild);
        return completed();
    }

    @Async
    Coroutine<Void> report(String name) {
        events.add(name + " sees " + user.get());
        return completed();
    }

    @Async
    Coroutine<Void> parent() {
        user.set("parent");
        Task<Void> first = createTask(child("first", 2));
        Task<Void> second = createTask(child("second", 1));
        user.set("parent again");
        await(gather(first, second));
        events.add("parent sees " + user.get());
        return completed();
    }

    @Async
    Coroutine<Void> inlineAwaitSharesTheContext() {
        await(setter());
        events.add("caller sees " + user.get());
        return completed();
    }

    @Async
    Coroutine<Void> setter() {
        user.set("set by the awaited coroutine");
        return completed();
    }

    @Test
    void tasks_seeTheirCreatorsValuesAtCreation_neverTheirChildrensOrSiblings() {
        VirtualTime.run(parent());

        events.assertOrder(
                "first starts with parent",
                "second starts with parent",
                "second sees second",
                "second's child sees second",
                "first sees first",
                "first's child sees first",
                "parent sees parent again");
    }

    @Test
    void awaitedCoroutine_runsInTheAwaitingTasksContext() {
        VirtualTime.run(inlineAwaitSharesTheContext());

        events.assertOrder("caller sees set by the awaited coroutine");
    }

    @Async
    Coroutine<List<String>> threadSeesTheTasksValue() {
        user.set("task value");
        String inThread = await(toThread(user::get));
        String setInThread = await(toThread(() -> {
            user.set("thread value");
            return user.get();
        }));
        return completed(List.of(inThread, setInThread, user.get()));
    }

    @Test
    void toThread_runsInACopyOfTheTasksContext() {
        assertEquals(List.of("task value", "thread value", "task value"), VirtualTime.run(threadSeesTheTasksValue()));
    }

    @Async
    Coroutine<String> callbackSeesTheBaseContext() {
        user.set("task value");
        Future<String> seen = getRunningLoop().createFuture();
        getRunningLoop().callSoon(() -> seen.setResult(user.get()));
        return completed(await(seen));
    }

    @Test
    void callbacks_seeTheLoopsBaseContext_theThreadsThatRanIt() {
        ContextVar.Token<String> token = user.set("thread value");
        try {
            assertEquals("thread value", VirtualTime.run(callbackSeesTheBaseContext()));
            assertEquals("thread value", user.get(), "a task's set stays in the task");
        } finally {
            user.reset(token);
        }
        assertEquals("nobody", user.get());
    }

    @Test
    void get_noValueNoDefault_throwsNamingTheVariable() {
        NoSuchElementException thrown = assertThrows(NoSuchElementException.class, depth::get);

        assertEquals("ContextVar depth has no value in this context and no default;"
                + " set it first, or give the constructor a default", thrown.getMessage());
    }

    @Test
    void reset_restoresThePreviousValueOrNone() {
        ContextVar.Token<Integer> first = depth.set(1);
        ContextVar.Token<Integer> second = depth.set(2);

        depth.reset(second);
        assertEquals(1, depth.get());
        depth.reset(first);
        assertThrows(NoSuchElementException.class, depth::get);
    }

    @Test
    void reset_tokenUsedTwice_throws() {
        ContextVar.Token<Integer> token = depth.set(1);
        depth.reset(token);

        assertThrows(IllegalStateException.class, () -> depth.reset(token));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void reset_tokenOfAnotherVariable_throws() {
        ContextVar.Token token = user.set("x");
        try {
            assertThrows(IllegalStateException.class, () -> depth.reset(token));
        } finally {
            user.reset(token);
        }
    }

    @Test
    void nullDefault_isAValue() {
        assertNull(new ContextVar<String>("nullable", null).get());
    }
}
