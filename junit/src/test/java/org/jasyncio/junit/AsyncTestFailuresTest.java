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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What JUnit reports for {@code @AsyncTest} methods that fail, and why: each fixture of
 * {@link Fixtures} runs in the Jupiter engine through JUnit's test kit.
 */
class AsyncTestFailuresTest {

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
        String message = failureOf(Fixtures.LeavesATaskPending.class, AssertionError.class).getMessage();
        assertTrue(message.startsWith("LeavesATaskPending.leavesATaskPending() left 1 task pending (cancelled when it"
                + " ended)"), message);
        assertMentions(message, "* Task[forgotten, ", frame("Fixtures.waitForever", "forever"));
    }

    @Test
    void anExceptionNeverRetrieved_failsTheTest_withItAsTheCause() {
        AssertionError failure = failureOf(Fixtures.LeavesAnExceptionUnretrieved.class, AssertionError.class);
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
    void aTestThatFailsAndLeavesATaskPending_failsWithItsOwnException_thePendingTaskSuppressed() throws IOException {
        IllegalStateException failure = failureOf(Fixtures.FailsAndLeavesATaskPending.class,
                IllegalStateException.class);
        assertEquals("the test's own failure", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertMentions(failure.getSuppressed()[0].getMessage(), "left 1 task pending", "* Task[forgotten, ",
                frame("Fixtures.waitForever", "forever"));
    }

    @Test
    void anExceptionThatACallbackThrows_failsTheTest_withItAsTheCause() {
        AssertionError failure = failureOf(Fixtures.CallbackThrows.class, AssertionError.class);
        assertTrue(failure.getMessage().startsWith("CallbackThrows.callbackThrows(): exception in event loop callback"),
                failure.getMessage());
        assertEquals("from a callback", assertInstanceOf(IllegalArgumentException.class, failure.getCause()).getMessage());
    }

    @Test
    void aTimeoutThatIsNotPositive_isRejected_sayingWhatToDo() {
        IllegalArgumentException failure = failureOf(Fixtures.ZeroTimeout.class, IllegalArgumentException.class);
        assertEquals("ZeroTimeout.zeroTimeout(): @AsyncTest(timeout = 0) must be positive; leave it out for"
                + " the default of 60 seconds", failure.getMessage());
    }

    @Test
    void aTimeout_failsTheTest_namingWhereEachTaskWasSuspended() throws IOException {
        String message = failureOf(Fixtures.TimesOut.class, TimeoutException.class).getMessage();
        assertTrue(message.startsWith("TimesOut.timesOut() timed out after 50 ms; where each task was then:\n"
                + "* Task[TimesOut.timesOut(), "), message);
        assertMentions(message, frame("Fixtures.waitForever", "forever"), frame("Fixtures$TimesOut.timesOut", "timed-out"));
    }

    @Test
    void aStepThatBlocksTheLoopsThread_isInterrupted_andTheTimeoutNamesWhereItBlocked() throws IOException {
        TimeoutException failure = failureOf(Fixtures.BlocksTheLoop.class, TimeoutException.class);
        assertMentions(failure.getMessage(), "BlocksTheLoop.blocksTheLoop() timed out after 30 ms;",
                "A step blocked the loop's thread; it was interrupted at:\n|   at java.lang.Thread.sleep",
                frame("Fixtures$BlocksTheLoop.blocksTheLoop", "blocked"));
        assertInstanceOf(InterruptedException.class, failure.getSuppressed()[0]);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void onVirtualTime_aTestWaitingLongerThanItsTimeoutForNoTimer_timesOut() {
        String message = failureOf(Fixtures.TimesOutOnVirtualTime.class, TimeoutException.class).getMessage();
        assertTrue(message.startsWith("TimesOutOnVirtualTime.timesOutOnVirtualTime() timed out after 50 ms;"), message);
    }

    /** The failure of the one test method of {@code fixture}, which must be a {@code type}. */
    private static <T extends Throwable> T failureOf(Class<?> fixture, Class<T> type) {
        return assertInstanceOf(type, failure(runAlone(fixture)));
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "no " + part + " in " + message);
        }
    }

    /** A call graph's line for {@code method} of this package, at the fixtures' line marked {@code marker}. */
    private static String frame(String method, String marker) throws IOException {
        return "at org.jasyncio.junit." + method + "(Fixtures.java:" + line(marker) + ")";
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
