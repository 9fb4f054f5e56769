package org.jasyncio;

import java.util.concurrent.Callable;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;

/**
 * The coroutine of {@link Asyncio#toThread}, as asyncio's {@code to_thread}: runs a function on the
 * loop's default executor, in a copy of the awaiting task's context, and resumes with its result or
 * exception, unchanged. Cancelling the awaiting task cancels the future the function completes; the
 * function itself runs on.
 *
 * <p>States: 0, not started; 1, waiting for the function.
 */
final class ToThread<T> extends AsyncFrame<T> {

    private final Callable<T> function;
    private int state;

    ToThread(Callable<T> function) {
        this.function = function;
    }

    @Override
    protected Object resume() {
        if (state == 0) {
            state = 1;
            EventLoop loop = Asyncio.getRunningLoop();
            Context context = loop.context;
            return Await.await(loop.runInExecutor(null, () -> context.call(function)), this);
        }
        return Await.resumed(this);
    }

    @Override
    public String toString() {
        return "toThread(" + function + ")";
    }
}
