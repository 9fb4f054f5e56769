package org.jasyncio.net;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.jasyncio.EventLoop;

/** Where networking reports what no caller can be told of: a failing connection handler or protocol. */
final class Failures {

    private static final Logger LOGGER = System.getLogger("org.jasyncio");

    private Failures() {
    }

    /** Reports {@code exception}, with {@code message} saying where it happened, for {@code loop}. */
    static void report(EventLoop loop, String message, Throwable exception) {
        LOGGER.log(Level.ERROR, message, exception);
    }
}
