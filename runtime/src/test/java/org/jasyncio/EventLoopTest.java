package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jasyncio.testing.Events;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    private final EventLoop loop = Loops.virtual();
    private final Events events = new Events();

    @Test
    void callSoon_callbacks_runFirstInFirstOut() {
        loop.callSoon(() -> events.add("a"));
        loop.callSoon(() -> {
            events.add("b");
            loop.callSoon(() -> events.add("d"));
        });
        loop.callSoon(() -> events.add("c"));
        loop.callSoon(() -> loop.callSoon(loop::stop));

        loop.runForever();

        events.assertOrder("a", "b", "c", "d");
    }

    @Test
    void stop_callbacksAlreadyReady_stillRun() {
        loop.callSoon(loop::stop);
        loop.callSoon(() -> events.add("ready before stop"));
        loop.callSoon(() -> loop.callSoon(() -> events.add("next iteration")));

        loop.runForever();

        events.assertOrder("ready before stop");
        assertFalse(loop.isRunning());
    }

    @Test
    void callLater_timers_fireByDeadlineAndFifoAmongEqualDeadlines() {
        loop.callLater(Duration.ofMillis(30), () -> events.add("30ms"));
        loop.callLater(Duration.ofMillis(10), () -> events.add("10ms first"));
        loop.callLater(Duration.ofMillis(20), () -> events.add("20ms"));
        loop.callLater(Duration.ofMillis(10), () -> events.add("10ms second"));
        loop.callLater(Duration.ofMillis(10), () -> events.add("10ms third"));
        loop.callLater(Duration.ofMillis(30), loop::stop);

        loop.runForever();

        events.assertOrder("10ms first", "10ms second", "10ms third", "20ms", "30ms");
    }

    @Test
    void callLater_virtualClock_jumpsToDeadlineWithoutSleeping() {
        long start = System.nanoTime();
        loop.callLater(Duration.ofHours(1), () -> {
            events.add("at " + loop.time());
            loop.stop();
        });

        loop.runForever();

        events.assertOrder("at " + Duration.ofHours(1).toNanos());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void callLater_dueTimer_runsAfterCallbacksAlreadyReady() {
        loop.callLater(Duration.ZERO, () -> events.add("timer"));
        loop.callSoon(() -> events.add("soon"));
        loop.callLater(Duration.ofMillis(1), loop::stop);

        loop.runForever();

        events.assertOrder("soon", "timer");
    }

    @Test
    void cancel_pendingTimer_neverRuns() {
        TimerHandle timer = loop.callLater(Duration.ofMillis(10), () -> events.add("cancelled timer"));
        loop.callLater(Duration.ofMillis(20), () -> events.add("kept timer"));
        loop.callLater(Duration.ofMillis(20), loop::stop);

        timer.cancel();
        loop.runForever();

        assertTrue(timer.isCancelled());
        events.assertOrder("kept timer");
    }

    @Test
    void cancel_timerDueInSameIteration_neverRuns() {
        AtomicReference<TimerHandle> second = new AtomicReference<>();
        loop.callLater(Duration.ofMillis(10), () -> {
            events.add("first");
            second.get().cancel();
        });
        second.set(loop.callLater(Duration.ofMillis(10), () -> events.add("second")));
        loop.callLater(Duration.ofMillis(20), loop::stop);

        loop.runForever();

        events.assertOrder("first");
    }

    @Test
    void callSoonThreadsafe_fromAnotherThread_wakesBlockedLoop() throws InterruptedException {
        EventLoop realTime = new EventLoop();
        CountDownLatch running = new CountDownLatch(1);
        realTime.callSoon(running::countDown);
        Thread other = new Thread(() -> {
            try {
                running.await();
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            realTime.callSoonThreadsafe(() -> {
                events.add("on " + Thread.currentThread().getName());
                realTime.stop();
            });
        });
        other.start();

        realTime.runForever();
        other.join(TimeUnit.SECONDS.toMillis(10));
        realTime.close();

        events.assertOrder("on " + Thread.currentThread().getName());
    }

    @Test
    void callSoon_fromAnotherThreadWhileRunning_throws() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        loop.callSoon(() -> {
            Thread other = new Thread(() -> {
                try {
                    loop.callSoon(() -> { });
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.stop();
        });

        loop.runForever();

        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
    }

    @Test
    void runForever_callbackThrows_loopGoesOn() {
        loop.callSoon(() -> {
            throw new IllegalArgumentException("expected by the test; logged by the loop");
        });
        loop.callSoon(() -> events.add("after"));
        loop.callSoon(loop::stop);

        loop.runForever();

        events.assertOrder("after");
    }

    @Test
    void runUntilComplete_future_returnsItsResult() {
        Future<String> future = loop.createFuture();
        loop.callLater(Duration.ofSeconds(1), () -> future.setResult("done"));

        assertEquals("done", loop.runUntilComplete(future));
        assertEquals(Duration.ofSeconds(1).toNanos(), loop.time());
    }

    @Test
    void runUntilComplete_stoppedBeforeDone_throws() {
        Future<String> future = loop.createFuture();
        loop.callSoon(loop::stop);

        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(future));
    }

    @Test
    void runForever_whileRunning_throws() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        loop.callSoon(() -> {
            thrown.set(assertThrows(IllegalStateException.class, loop::runForever));
            loop.stop();
        });

        loop.runForever();

        assertTrue(thrown.get().getMessage().contains("already running"));
    }

    @Test
    void close_thenSchedule_throws() {
        loop.close();
        loop.close();

        assertTrue(loop.isClosed());
        assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
        assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(() -> { }));
        assertThrows(IllegalStateException.class, loop::runForever);
    }

    @Test
    void close_whileRunning_throws() {
        loop.callSoon(() -> {
            assertThrows(IllegalStateException.class, loop::close);
            events.add("refused");
            loop.stop();
        });

        loop.runForever();

        events.assertOrder("refused");
        assertFalse(loop.isClosed());
    }

    @Test
    void callLater_realClock_waitsAtLeastTheDelay() {
        EventLoop realTime = new EventLoop();
        long start = System.nanoTime();
        realTime.callLater(Duration.ofMillis(50), realTime::stop);

        realTime.runForever();
        realTime.close();

        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= Duration.ofMillis(50).toNanos(), "woke after " + elapsed + " ns");
        assertTrue(elapsed < Duration.ofSeconds(10).toNanos(), "woke after " + elapsed + " ns");
    }

    @Test
    void callSoonAndCallSoonThreadsafe_onTheLoopThread_runInTheOrderCalled() {
        loop.callSoon(() -> {
            loop.callSoonThreadsafe(() -> events.add("threadsafe 1"));
            loop.callSoon(() -> events.add("soon 2"));
            loop.callSoonThreadsafe(() -> events.add("threadsafe 3"));
            loop.callSoon(() -> events.add("soon 4"));
            loop.callSoon(loop::stop);
        });

        loop.runForever();

        events.assertOrder("threadsafe 1", "soon 2", "threadsafe 3", "soon 4");
    }

    @Test
    void callSoonAndCallSoonThreadsafe_beforeTheLoopRuns_runInTheOrderCalled() {
        loop.callSoonThreadsafe(() -> events.add("threadsafe 1"));
        loop.callSoon(() -> events.add("soon 2"));
        loop.callSoonThreadsafe(() -> events.add("threadsafe 3"));
        loop.callSoon(() -> events.add("soon 4"));
        loop.callSoon(() -> loop.callSoon(loop::stop));

        loop.runForever();

        events.assertOrder("threadsafe 1", "soon 2", "threadsafe 3", "soon 4");
    }

    @Test
    void callSoonThreadsafe_racingClose_eachCallbackRunsOrTheCallThrows() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            EventLoop closing = new EventLoop();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger ran = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread thread = new Thread(() -> {
                    for (int n = 0; n < 20_000; n++) {
                        try {
                            closing.callSoonThreadsafe(ran::incrementAndGet);
                        } catch (IllegalStateException closed) {
                            return;
                        }
                        accepted.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            closing.callSoon(closing::stop);
            closing.runForever();
            closing.close();
            for (Thread thread : threads) {
                thread.join(10_000);
                assertFalse(thread.isAlive());
            }

            assertEquals(accepted.get(), ran.get(), "round " + round);
        }
    }

    @Test
    void close_callbacksAcceptedByCallSoonThreadsafe_runBeforeItCloses() {
        loop.callSoonThreadsafe(() -> events.add("accepted before close"));

        loop.close();

        events.assertOrder("accepted before close");
    }
}
