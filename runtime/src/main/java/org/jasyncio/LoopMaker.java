package org.jasyncio;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.internal.Clock;
import org.jasyncio.internal.LoopFactory;

/**
 * What {@link LoopFactory} asks of this package: loops on a given clock, and the failures a loop kept
 * that nobody retrieved. Installed once, by {@code EventLoop}'s static initialiser.
 */
final class LoopMaker implements LoopFactory.Maker {

    @Override
    public EventLoop make(Clock clock, boolean keepFailures) {
        EventLoop loop = new EventLoop(clock);
        if (keepFailures) {
            loop.failuresKept = new ArrayList<>();
        }
        return loop;
    }

    @Override
    public List<ErrorContext> takeUnretrieved(EventLoop loop) {
        if (loop.isRunning()) {
            throw new IllegalStateException("the unretrieved failures of " + loop + " are taken while it runs;"
                    + " take them after it stopped");
        }
        List<ErrorContext> unretrieved = new ArrayList<>();
        if (loop.failuresKept == null) {
            return unretrieved;
        }
        for (UnretrievedException failure : loop.failuresKept) {
            if (!failure.isRetrieved()) {
                unretrieved.add(failure.context());
                failure.retrieved();
            }
        }
        loop.failuresKept.clear();
        return unretrieved;
    }
}
