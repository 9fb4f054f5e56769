package org.jasyncio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** Records what happens, in order, for interleaving tests to compare with the exact expected order. */
public final class Events {

    private final List<String> events = new ArrayList<>();

    /** Records {@code event}. */
    public synchronized void add(String event) {
        events.add(event);
    }

    /** Asserts that exactly {@code expected} happened, in this order. */
    public synchronized void assertOrder(String... expected) {
        assertEquals(List.of(expected), events);
    }
}
