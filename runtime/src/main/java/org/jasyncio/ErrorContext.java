package org.jasyncio;

/**
 * What an {@link ExceptionHandler} is told about an error the event loop could not hand to user
 * code, as the context dict of asyncio's {@code call_exception_handler}: a callback that threw, a
 * task's exception that was never retrieved, a task that failed while its loop shut down, or, in
 * debug mode, a slow step or a coroutine that was never awaited.
 *
 * @param message   what happened and where, for a log line; never {@code null}
 * @param exception the exception, or {@code null} when the report is a warning without one
 * @param task      the task concerned, or {@code null}
 * @param future    the future concerned, or {@code null}
 */
public record ErrorContext(String message, Throwable exception, Task<?> task, Future<?> future) {

    /**
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public ErrorContext {
        java.util.Objects.requireNonNull(message, "message");
    }
}
