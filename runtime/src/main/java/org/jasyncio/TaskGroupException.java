package org.jasyncio;

import java.util.List;

/**
 * The failures of an {@link Asyncio#taskGroup} scope, as asyncio's {@code ExceptionGroup} from a
 * {@code TaskGroup}: those of its tasks, in the order they happened, then the body's own if it
 * failed. The first is also the cause; the others are suppressed exceptions, so a printed stack
 * trace shows them all. Cancellations are never listed.
 */
public final class TaskGroupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Throwable[] exceptions;

    /**
     * A group of {@code exceptions}, at least one.
     *
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public TaskGroupException(List<? extends Throwable> exceptions) {
        super(message(exceptions), exceptions.isEmpty() ? null : exceptions.get(0));
        this.exceptions = exceptions.toArray(new Throwable[0]);
        for (int i = 1; i < this.exceptions.length; i++) {
            addSuppressed(this.exceptions[i]);
        }
    }

    /** The failures, in the order they happened; the body's, if any, last. */
    public List<Throwable> exceptions() {
        return List.of(exceptions);
    }

    private static String message(List<? extends Throwable> exceptions) {
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a TaskGroupException needs at least one exception");
        }
        return "unhandled errors in a task group (" + exceptions.size()
                + (exceptions.size() == 1 ? " sub-exception)" : " sub-exceptions)");
    }
}
