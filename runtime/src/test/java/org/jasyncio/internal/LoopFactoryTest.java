package org.jasyncio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;

import org.jasyncio.ErrorContext;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.junit.jupiter.api.Test;

class LoopFactoryTest {

    private final IOException failure = new IOException("boom");

    @Test
    void withClock_theLoopsTimeFollowsTheClock() {
        VirtualClock clock = new VirtualClock();
        EventLoop loop = LoopFactory.withClock(clock);
        clock.advanceTo(5_000);
        assertEquals(5_000, loop.time());
        loop.close();
    }

    @Test
    void takeUnretrieved_namesTheFailuresNobodyRetrieved_once() {
        EventLoop loop = LoopFactory.keepingFailures(new VirtualClock());
        Future<String> unread = loop.createFuture();
        Future<String> read = loop.createFuture();
        Future<String> cancelled = loop.createFuture();
        unread.setException(failure);
        read.setException(new IOException("read"));
        read.exception();
        cancelled.cancel();

        List<ErrorContext> unretrieved = LoopFactory.takeUnretrieved(loop);

        assertEquals(1, unretrieved.size(), unretrieved.toString());
        assertEquals("exception was never retrieved: " + unread, unretrieved.get(0).message());
        assertSame(failure, unretrieved.get(0).exception());
        assertEquals(List.of(), LoopFactory.takeUnretrieved(loop));
        loop.close();
    }

    @Test
    void takeUnretrieved_ofALoopThatDoesNotKeepFailures_isEmpty() {
        EventLoop loop = LoopFactory.withClock(new VirtualClock());
        loop.createFuture().setException(failure);
        assertEquals(List.of(), LoopFactory.takeUnretrieved(loop));
        loop.close();
    }
}
