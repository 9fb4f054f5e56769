package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.testing.RecordingLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop's exception handler and its default, and what debug mode reports through them. */
class ExceptionHandlerTest {

    private final EventLoop loop = Loops.virtual();
    private final List<ErrorContext> handled = new ArrayList<>();
    private final RecordingLogger logger = new RecordingLogger();
    private final IllegalArgumentException failure = new IllegalArgumentException("expected by the test");

    ExceptionHandlerTest() {
        loop.logger = logger;
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private void runCallbacks(Runnable... callbacks) {
        for (Runnable callback : callbacks) {
            loop.callSoon(callback);
        }
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    private Runnable throwing(String name) {
        return new Runnable() {
            @Override
            public void run() {
                throw failure;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void callbackThrows_handlerReceivesTheExceptionAndTheCallback() {
        loop.setExceptionHandler((where, context) -> {
            assertSame(loop, where);
            handled.add(context);
        });

        runCallbacks(throwing("failing callback"));

        assertEquals(1, handled.size());
        assertEquals(new ErrorContext("exception in event loop callback failing callback", failure, null, null),
                handled.get(0));
        assertEquals(List.of(), logger.messages);
    }

    @Test
    void noHandler_defaultLogsAtErrorWithTheException() {
        assertNull(loop.getExceptionHandler());

        runCallbacks(throwing("failing callback"));

        assertEquals(List.of("ERROR exception in event loop callback failing callback"), logger.messages);
        assertSame(failure, logger.thrown.get(0));
    }

    @Test
    void setExceptionHandler_null_restoresTheDefault() {
        loop.setExceptionHandler((where, context) -> handled.add(context));
        loop.setExceptionHandler(null);

        runCallbacks(throwing("failing callback"));

        assertEquals(List.of(), handled);
        assertEquals(1, logger.messages.size());
    }

    @Test
    void handlerThrows_defaultLogsTheHandlersFailureAndTheOriginalError() {
        IllegalStateException broken = new IllegalStateException("the handler is broken");
        ExceptionHandler handler = (where, context) -> {
            throw broken;
        };
        loop.setExceptionHandler(handler);

        runCallbacks(throwing("failing callback"), () -> handled.add(null));

        assertEquals(List.of(
                "ERROR exception in the exception handler " + handler
                        + " while it handled: exception in event loop callback failing callback",
                "ERROR exception in event loop callback failing callback"), logger.messages);
        assertEquals(List.of(broken, failure), logger.thrown);
        assertEquals(1, handled.size(), "the loop went on");
    }

    @Test
    void defaultHandler_contextWithoutException_isAWarningNamingTheTaskAndFuture() {
        Future<String> future = loop.createFuture();

        loop.defaultExceptionHandler(new ErrorContext("something slow", null, null, future));

        assertEquals(List.of("WARNING something slow; future: Future[pending]"), logger.messages);
    }

    @Test
    void debug_callbackSlowerThanTheThreshold_isReportedAsAWarning() {
        loop.setExceptionHandler((where, context) -> handled.add(context));
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofMillis(5));

        runCallbacks(new Runnable() {
            @Override
            public void run() {
                sleepReally(20);
            }

            @Override
            public String toString() {
                return "slow callback";
            }
        });

        assertTrue(loop.isDebug());
        // Under load another callback may be slow too; the one that slept must be there.
        ErrorContext slow = handled.stream().filter(c -> c.message().startsWith("callback slow callback"))
                .findFirst().orElseThrow(() -> new AssertionError(handled.toString()));
        assertTrue(slow.message().matches("callback slow callback took \\d+\\.\\d{3} s"), slow.message());
        assertNull(slow.exception());
    }

    @Test
    void debugOff_slowCallback_isNotReported() {
        loop.setExceptionHandler((where, context) -> handled.add(context));
        loop.setSlowCallbackDuration(Duration.ZERO);

        runCallbacks(() -> sleepReally(2));

        assertEquals(List.of(), handled);
        assertEquals(Duration.ZERO, loop.getSlowCallbackDuration());
    }

    private static void sleepReally(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
