package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class UnretrievedExceptionTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final IOException failure = new IOException("boom");

    @Test
    void run_neverRetrieved_logsTheExceptionAsError() {
        new UnretrievedException(logger, "Task[work, exception=boom]", failure).run();

        assertEquals(List.of("ERROR exception was never retrieved: Task[work, exception=boom]"), logger.messages);
        assertSame(failure, logger.thrown.get(0));
    }

    @Test
    void run_retrieved_logsNothing() {
        UnretrievedException report = new UnretrievedException(logger, "Task[work]", failure);

        report.retrieved();
        report.run();

        assertEquals(List.of(), logger.messages);
    }

    /** Records what is logged through it. */
    private static final class RecordingLogger implements Logger {
        final List<String> messages = new ArrayList<>();
        final List<Throwable> thrown = new ArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable exception) {
            messages.add(level + " " + message);
            thrown.add(exception);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            messages.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            messages.add(level + " " + message.get());
        }
    }
}
