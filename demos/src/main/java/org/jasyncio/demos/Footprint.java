package org.jasyncio.demos;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.sleep;

/**
 * Coroutines cost far less memory than threads: the heap a suspended task holds (its task, frame
 * and timer), measured after a full GC while all of them are suspended, against what a sleeping
 * platform thread adds to the process's resident memory (mostly its stack).
 */
public final class Footprint {

    private Footprint() {
    }

    @Async
    static Coroutine<Void> sleeper(Duration duration) {
        await(sleep(duration));
        return completed();
    }

    /** Heap bytes per suspended task, with {@code count} tasks each sleeping {@code duration}. */
    @Async
    public static Coroutine<Long> heapPerSuspendedTask(int count, Duration duration) {
        long before = usedHeapAfterGc();
        List<Task<Void>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(createTask(sleeper(duration)));
        }
        await(sleep(1));
        long during = usedHeapAfterGc();
        await(gather(tasks));
        return completed((during - before) / count);
    }

    /**
     * Resident memory bytes per platform thread, with {@code count} threads each sleeping
     * {@code duration}; -1 where the process's resident size cannot be read (it is read from
     * {@code /proc/self/status}, so on Linux only).
     */
    public static long residentBytesPerSleepingThread(int count, Duration duration) throws InterruptedException {
        long before = residentBytes();
        CountDownLatch started = new CountDownLatch(count);
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                started.countDown();
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        started.await();
        long during = residentBytes();
        for (Thread thread : threads) {
            thread.join();
        }
        return before < 0 || during < 0 ? -1 : (during - before) / count;
    }

    /**
     * The address space each new platform thread reserves for its stack ({@code -Xss}), which it
     * commits as the stack grows; -1 when the JVM leaves the size to the operating system.
     */
    public static long reservedStackBytesPerThread() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        long kilobytes = Long.parseLong(vm.getVMOption("ThreadStackSize").getValue());
        return kilobytes > 0 ? kilobytes * 1024 : -1;
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
