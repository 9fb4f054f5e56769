package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** Awaiting a {@code CompletionStage} uses only that interface: minimal stages work too. */
class CompletionStageAwaitTest {

    private final Events events = new Events();

    @Async
    Coroutine<String> awaitStage(CompletionStage<String> stage) {
        getRunningLoop().callSoon(() -> events.add("other callback"));
        String value = await(stage);
        events.add("got " + value);
        return completed(value);
    }

    @Async
    Coroutine<Throwable> awaitFailing(CompletionStage<String> stage) {
        try {
            await(stage);
            return completed(null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return completed(e);
        }
    }

    @Test
    void minimalStage_alreadyComplete_givesItsValueWithoutSuspending() {
        CompletionStage<String> stage = CompletableFuture.completedStage("x");

        assertEquals("x", VirtualTime.run(awaitStage(stage)));
        events.assertOrder("got x", "other callback");
    }

    @Test
    void minimalStage_completedLaterOnAnotherThread_resumesWithItsValue() {
        CompletableFuture<String> source = new CompletableFuture<>();
        new Thread(() -> source.complete("from a thread")).start();

        assertEquals("from a thread", VirtualTime.run(awaitStage(source.minimalCompletionStage())));
    }

    @Test
    void minimalStage_failed_throwsTheSameException() {
        IOException failure = new IOException("boom");
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletionStage<String> stage = source.minimalCompletionStage();
        source.completeExceptionally(failure);

        assertSame(failure, VirtualTime.run(awaitFailing(stage)));
    }
}
