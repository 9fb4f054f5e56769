package org.jasyncio;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function run on an executor for a loop's future, as asyncio's {@code run_in_executor}: the
 * executor's thread runs it, then hands its outcome to the loop with
 * {@link EventLoop#callSoonThreadsafe}, where it completes the future unless that was cancelled.
 *
 * <p>Thread rule: {@link #submit} on the loop thread; the function on the executor's; the future is
 * completed on the loop thread.
 */
final class ExecutorCall<T> implements Runnable {

    /** As asyncio's default executor: at most min(32, CPUs + 4) threads. */
    private static final int DEFAULT_THREADS = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EventLoop loop;
    private final Future<T> future;
    private final Callable<T> function;

    private ExecutorCall(EventLoop loop, Future<T> future, Callable<T> function) {
        this.loop = loop;
        this.future = future;
        this.function = function;
    }

    /** Runs {@code function} on {@code executor}; the returned future of {@code loop} gets its outcome. */
    static <T> Future<T> submit(EventLoop loop, Executor executor, Callable<T> function) {
        Future<T> future = loop.createFuture();
        executor.execute(new ExecutorCall<>(loop, future, function));
        return future;
    }

    /** A loop's default executor: daemon threads, made as needed, that end after a minute idle. */
    static ExecutorService newDefaultExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "jasyncio-executor-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** On the executor's thread: runs the function and hands its outcome to the loop. */
    @Override
    public void run() {
        T value = null;
        Throwable failure = null;
        try {
            value = function.call();
        } catch (Throwable t) {
            failure = t;
        }
        T result = value;
        Throwable exception = failure;
        try {
            loop.callSoonThreadsafe(() -> complete(result, exception));
        } catch (IllegalStateException closed) {
            if (exception != null) {
                loop.defaultExceptionHandler(new ErrorContext("exception in " + function
                        + ", run in an executor for a loop that closed before it finished", exception, null, future));
            }
        }
    }

    private void complete(T value, Throwable exception) {
        if (future.isDone()) {
            return;
        }
        if (exception != null) {
            future.setException(exception);
        } else {
            future.setResult(value);
        }
    }
}
