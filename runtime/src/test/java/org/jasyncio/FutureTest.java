package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.jasyncio.testing.Events;
import org.junit.jupiter.api.Test;

class FutureTest {

    private final EventLoop loop = Loops.virtual();
    private final Events events = new Events();
    private final Future<String> future = loop.createFuture();

    @Test
    void setResult_callbacks_scheduledInOrderNotInline() {
        future.addDoneCallback(f -> events.add("first " + f.result()));
        future.addDoneCallback(f -> events.add("second " + f.result()));
        loop.callSoon(() -> {
            future.setResult("x");
            events.add("after setResult");
        });
        loop.callSoon(() -> loop.callSoon(loop::stop));

        loop.runForever();

        events.assertOrder("after setResult", "first x", "second x");
    }

    @Test
    void addDoneCallback_alreadyDone_scheduledNotInline() {
        future.setResult("x");
        loop.callSoon(() -> {
            future.addDoneCallback(f -> events.add("callback"));
            events.add("after addDoneCallback");
        });
        loop.callSoon(() -> loop.callSoon(loop::stop));

        loop.runForever();

        events.assertOrder("after addDoneCallback", "callback");
    }

    @Test
    void removeDoneCallback_registeredTwice_removesBothAndCounts() {
        Consumer<Future<String>> removed = f -> events.add("removed");
        future.addDoneCallback(removed);
        future.addDoneCallback(f -> events.add("kept"));
        future.addDoneCallback(removed);

        assertEquals(2, future.removeDoneCallback(removed));
        future.setResult("x");
        loop.callSoon(loop::stop);
        loop.runForever();

        events.assertOrder("kept");
    }

    @Test
    void setResult_twice_throwsIllegalState() {
        future.setResult("x");

        assertThrows(IllegalStateException.class, () -> future.setResult("y"));
        assertThrows(IllegalStateException.class, () -> future.setException(new IOException()));
        assertEquals("x", future.result());
        assertNull(future.exception());
    }

    @Test
    void cancel_pending_cancelsOnce() {
        assertTrue(future.cancel());
        assertFalse(future.cancel());

        assertTrue(future.isDone());
        assertTrue(future.isCancelled());
        assertThrows(CancellationException.class, future::result);
        assertThrows(CancellationException.class, future::exception);
        assertThrows(IllegalStateException.class, () -> future.setResult("x"));
    }

    @Test
    void cancel_done_returnsFalse() {
        future.setResult("x");

        assertFalse(future.cancel());
        assertFalse(future.isCancelled());
    }

    @Test
    void result_pending_throwsIllegalState() {
        assertThrows(IllegalStateException.class, future::result);
        assertThrows(IllegalStateException.class, future::exception);
        assertFalse(future.isDone());
    }

    @Test
    void result_failedWithCheckedException_rethrowsSameObject() {
        IOException failure = new IOException("boom");
        future.setException(failure);

        assertSame(failure, assertThrows(IOException.class, future::result));
        assertSame(failure, future.exception());
    }
}
