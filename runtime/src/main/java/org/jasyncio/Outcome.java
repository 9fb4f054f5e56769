package org.jasyncio;

/**
 * How an awaited computation ended: with a value or with an exception. The elements of
 * {@link Asyncio#gatherOutcomes}'s list, as the results and exceptions of asyncio's
 * {@code gather(..., return_exceptions=True)}; a cancelled child is a {@link Failure} with a
 * {@link java.util.concurrent.CancellationException}.
 *
 * @param <T> the type of the value
 */
public sealed interface Outcome<T> {

    /** Ended with {@code value}. */
    record Success<T>(T value) implements Outcome<T> {
    }

    /** Ended with {@code exception}. */
    record Failure<T>(Throwable exception) implements Outcome<T> {
    }
}
