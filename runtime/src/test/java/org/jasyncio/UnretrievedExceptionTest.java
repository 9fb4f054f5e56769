package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.testing.RecordingLogger;
import org.junit.jupiter.api.Test;

class UnretrievedExceptionTest {

    private final EventLoop loop = Loops.virtual();
    private final List<ErrorContext> handled = new ArrayList<>();
    private final RecordingLogger logger = new RecordingLogger();
    private final IOException failure = new IOException("boom");

    UnretrievedExceptionTest() {
        loop.setExceptionHandler((where, context) -> handled.add(context));
        loop.logger = logger;
    }

    @Test
    void run_neverRetrievedOnAnOpenLoop_goesToTheHandlerOnTheLoop() {
        new UnretrievedException(loop, "Task[work, exception=boom]", failure).run();
        assertEquals(List.of(), handled);

        loop.callSoonThreadsafe(loop::stop);
        loop.runForever();

        assertEquals(1, handled.size());
        assertEquals("exception was never retrieved: Task[work, exception=boom]", handled.get(0).message());
        assertSame(failure, handled.get(0).exception());
    }

    @Test
    void run_neverRetrievedOnAClosedLoop_isLoggedByTheDefaultHandler() {
        loop.close();

        new UnretrievedException(loop, "Task[work, exception=boom]", failure).run();

        assertEquals(List.of("ERROR exception was never retrieved: Task[work, exception=boom]"), logger.messages);
        assertSame(failure, logger.thrown.get(0));
        assertEquals(List.of(), handled);
    }

    @Test
    void run_retrieved_reportsNothing() {
        UnretrievedException report = new UnretrievedException(loop, "Task[work]", failure);

        report.retrieved();
        report.run();
        loop.close();

        assertEquals(List.of(), logger.messages);
        assertEquals(List.of(), handled);
    }
}
