package org.jasyncio;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * The coroutine of {@link Asyncio#wait}, as asyncio's {@code wait}: watches the futures, and wakes
 * when {@link ReturnWhen} is satisfied or the timeout passes, whichever comes first; a timeout is no
 * error. It never cancels the futures, not even when the awaiting task is cancelled. Returns at once,
 * without suspending, when the condition already holds.
 *
 * <p>States: not started; waiting for the condition or the timeout.
 */
final class WaitFrame<F extends Future<?>> extends AsyncFrame<Waited<F>> implements ChildWatcher {

    private final Set<F> futures;
    private final ReturnWhen when;
    private final Duration timeout;
    /** The futures done, in completion order. */
    private final Set<F> done = new LinkedHashSet<>();
    /** Whether one of the futures done failed with an exception. */
    private boolean failed;
    private Future<Void> wake;
    private TimerHandle timer;
    private boolean started;

    /** {@code futures}, distinct and not empty; {@code timeout} {@code null} for none. */
    WaitFrame(Set<F> futures, ReturnWhen when, Duration timeout) {
        this.futures = futures;
        this.when = when;
        this.timeout = timeout;
    }

    @Override
    protected Object resume() {
        if (started) {
            return woken();
        }
        started = true;
        EventLoop loop = ((Task<?>) driver()).loop();
        for (F future : futures) {
            if (future.isDone()) {
                add(future);
            }
        }
        if (satisfied()) {
            return result();
        }
        for (F future : futures) {
            if (!future.isDone()) {
                future.addWatcher(this);
            }
        }
        wake = loop.createFuture();
        if (timeout != null) {
            timer = loop.callLater(timeout, this::wakeUp);
        }
        // The wake-up future was made just now, so this suspends.
        return Await.await(wake, this);
    }

    @Override
    @SuppressWarnings("unchecked") // only the futures given are watched
    public void childDone(Future<?> child) {
        add((F) child);
        if (satisfied()) {
            wakeUp();
        }
    }

    private Object woken() {
        Throwable cancelled = null;
        try {
            Await.resumed(this);
        } catch (Throwable t) {
            cancelled = t;
        }
        if (timer != null) {
            timer.cancel();
        }
        for (F future : futures) {
            if (!future.isDone()) {
                future.removeWatcher(this);
            }
        }
        if (cancelled != null) {
            throw Throwing.sneaky(cancelled);
        }
        return result();
    }

    private boolean satisfied() {
        if (done.size() == futures.size()) {
            return true;
        }
        return switch (when) {
            case FIRST_COMPLETED -> !done.isEmpty();
            case FIRST_EXCEPTION -> failed;
            case ALL_COMPLETED -> false;
        };
    }

    private void add(F future) {
        done.add(future);
        failed |= !future.isCancelled() && future.exception() != null;
    }

    private void wakeUp() {
        if (!wake.isDone()) {
            wake.setResult(null);
        }
    }

    private Waited<F> result() {
        Set<F> pending = new LinkedHashSet<>();
        for (F future : futures) {
            if (!done.contains(future)) {
                pending.add(future);
            }
        }
        return new Waited<>(done, pending);
    }

    @Override
    public String toString() {
        return "wait(" + futures.size() + " futures, " + when + (timeout != null ? ", " + timeout : "") + ")";
    }
}
