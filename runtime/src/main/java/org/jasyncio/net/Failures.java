package org.jasyncio.net;

import org.jasyncio.ErrorContext;
import org.jasyncio.EventLoop;

/** Where networking reports what no caller can be told of: a failing connection handler or protocol. */
final class Failures {

    private Failures() {
    }

    /** Reports {@code exception}, with {@code message} saying where it happened, to {@code loop}'s exception handler. */
    static void report(EventLoop loop, String message, Throwable exception) {
        loop.callExceptionHandler(new ErrorContext(message, exception, null, null));
    }
}
