package org.jasyncio;

/** When {@link Asyncio#wait(java.util.Collection, ReturnWhen)} returns, as asyncio's constants. */
public enum ReturnWhen {
    /** As soon as any future is done (or cancelled). */
    FIRST_COMPLETED,
    /** As soon as any future fails with an exception; when none does, as {@link #ALL_COMPLETED}. */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
