package org.jasyncio;

/**
 * Something that watches child futures and must hear at once, without a callback object per child,
 * when one is done: a gather, a task group. {@link Future} tells it in its done notification, before
 * it schedules the other callbacks; what the watcher then decides, it may defer.
 *
 * <p>Thread rule: called on the loop thread.
 */
interface ChildWatcher {

    /** {@code child} is done: finished, failed or cancelled. */
    void childDone(Future<?> child);
}
