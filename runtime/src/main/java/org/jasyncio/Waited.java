package org.jasyncio;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link Asyncio#wait(java.util.Collection, ReturnWhen)} returns, as the pair asyncio's
 * {@code wait} returns: the futures that are done, in the order they completed (those done before
 * the wait began first, in the order given), and those still pending, in the order given. Both sets
 * are unmodifiable and compare futures by identity.
 *
 * @param done the futures done when the wait returned
 * @param pending the futures not done
 * @param <F> the type of the futures
 */
public record Waited<F>(Set<F> done, Set<F> pending) {

    /** Copies both sets, keeping their order. */
    public Waited {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
    }
}
