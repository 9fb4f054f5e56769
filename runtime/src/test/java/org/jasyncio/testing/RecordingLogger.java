package org.jasyncio.testing;

import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** A {@code System.Logger} that records what is logged through it, as {@code LEVEL message}. */
public final class RecordingLogger implements Logger {

    /** The messages, as {@code LEVEL message}, in order. */
    public final List<String> messages = new ArrayList<>();
    /** The exception logged with each message, or {@code null}. */
    public final List<Throwable> thrown = new ArrayList<>();

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String message, Throwable exception) {
        messages.add(level + " " + message);
        thrown.add(exception);
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        messages.add(level + " " + format);
        thrown.add(null);
    }

    @Override
    public synchronized void log(Level level, Supplier<String> message) {
        log(level, null, message.get(), (Throwable) null);
    }
}
