package org.jasyncio.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What JUnit reports for {@code @AsyncTest} methods that fail, and why: each fixture of
 * {@link Fixtures} runs in the Jupiter engine through JUnit's test kit.
 */
class AsyncTestFailuresTest {

    private static final String SOURCE = "Fixtures.java:";

    @Test
    void aTestThatPasses_isReportedByItsOwnName_withItsParametersResolved() {
        Event finished = runAlone(Fixtures.Passes.class);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, result(finished).getStatus());
        assertEquals("passes(TestInfo)", finished.getTestDescriptor().getDisplayName());
        MethodSource source = (MethodSource) finished.getTestDescriptor().getSource().orElseThrow();
        assertEquals("passes", source.getMethodName());
    }

    @Test
    void aTaskLeftPending_failsTheTest_namingTheTaskAndWhereItWasSuspended() throws IOException {
        Throwable failure = failure(runAlone(Fixtures.LeavesATaskPending.class));
        assertInstanceOf(AssertionError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("LeavesATaskPending.leavesATaskPending() left 1 task pending (cancelled when it"
                + " ended)"), message);
        assertTrue(message.contains("* Task[forgotten, "), message);
        assertTrue(message.contains("at org.jasyncio.junit.Fixtures.waitForever(" + SOURCE
                + line("forever") + ")"), message);
    }

    @Test
    void anExceptionNeverRetrieved_failsTheTest_withItAsTheCause() {
        Throwable failure = failure(runAlone(Fixtures.LeavesAnExceptionUnretrieved.class));
        assertInstanceOf(AssertionError.class, failure);
        assertTrue(failure.getMessage().startsWith("LeavesAnExceptionUnretrieved.leavesAnExceptionUnretrieved():"
                + " exception was never retrieved: Task[failing, "), failure.getMessage());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("nobody awaits this", failure.getCause().getMessage());
    }

    @Test
    void theTestsOwnFailure_isReportedUnchanged() {
        Throwable failure = failure(runAlone(Fixtures.FailsWithItsOwnException.class));
        assertEquals("org.opentest4j.AssertionFailedError", failure.getClass().getName());
        assertTrue(failure.getMessage().startsWith("the test's own assertion"), failure.getMessage());
        assertEquals(0, failure.getSuppressed().length);
    }

    @Test
    void aTimeout_failsTheTest_namingWhereEachTaskWasSuspended() throws IOException {
        Throwable failure = failure(runAlone(Fixtures.TimesOut.class));
        assertInstanceOf(TimeoutException.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("TimesOut.timesOut() timed out after 50 ms; where each task was then:\n"
                + "* Task[TimesOut.timesOut(), "), message);
        assertTrue(message.contains("at org.jasyncio.junit.Fixtures.waitForever(" + SOURCE
                + line("forever") + ")"), message);
        assertTrue(message.contains("at org.jasyncio.junit.Fixtures$TimesOut.timesOut(" + SOURCE
                + line("timed-out") + ")"), message);
    }

    @Test
    void onVirtualTime_aTestWaitingLongerThanItsTimeoutForNoTimer_timesOut() {
        Throwable failure = failure(runAlone(Fixtures.TimesOutOnVirtualTime.class));
        assertInstanceOf(TimeoutException.class, failure);
        assertTrue(failure.getMessage().startsWith("TimesOutOnVirtualTime.timesOutOnVirtualTime() timed out after"
                + " 50 ms;"), failure.getMessage());
    }

    /** Runs the one test method of {@code fixture}, and returns the event of its end. */
    private static Event runAlone(Class<?> fixture) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().finished().list();
        assertEquals(1, finished.size(), finished.toString());
        return finished.get(0);
    }

    private static TestExecutionResult result(Event finished) {
        return finished.getRequiredPayload(TestExecutionResult.class);
    }

    private static Throwable failure(Event finished) {
        TestExecutionResult result = result(finished);
        assertSame(TestExecutionResult.Status.FAILED, result.getStatus(), result.toString());
        return result.getThrowable().orElseThrow();
    }

    /** The line of the fixtures' source that ends with {@code // at: marker}. */
    private static int line(String marker) throws IOException {
        Path source = Path.of("src/test/java/org/jasyncio/junit/Fixtures.java");
        List<String> lines = Files.readAllLines(source);
        return 1 + IntStream.range(0, lines.size()).filter(i -> lines.get(i).endsWith("// at: " + marker))
                .findFirst().orElseThrow();
    }
}
