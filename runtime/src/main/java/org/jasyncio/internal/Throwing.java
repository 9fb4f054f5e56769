package org.jasyncio.internal;

/**
 * Rethrows any exception unchanged, checked ones included, without declaring it: a coroutine's
 * checked exception is declared on its {@code @Async} method, not on the runtime's methods that carry
 * it across suspensions. Not for user code.
 */
public final class Throwing {

    private Throwing() {
    }

    /**
     * Throws {@code exception} as it is. Declared to return an exception so that callers can write
     * {@code throw Throwing.sneaky(e)} and the compiler sees the path end.
     */
    public static RuntimeException sneaky(Throwable exception) {
        throw Throwing.<RuntimeException>as(exception);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E as(Throwable exception) throws E {
        throw (E) exception;
    }
}
