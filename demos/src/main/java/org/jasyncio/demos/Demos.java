package org.jasyncio.demos;

import java.time.Duration;
import java.util.List;

import org.jasyncio.Asyncio;

/**
 * Runs the demos and prints what each runs and what it measured. Run with
 * {@code mvn -B -q -Pdemos package -DskipTests} from the project's root.
 */
public final class Demos {

    private Demos() {
    }

    public static void main(String[] args) throws Exception {
        tutorial();
        pages();
        footprint();
        noPreemption();
        crawler();
    }

    private static void tutorial() {
        section("1. The tutorial: say_after(1 s, 'hello') and say_after(1 s, 'world')");
        Tutorial tutorial = new Tutorial(Duration.ofSeconds(1));
        long start = System.nanoTime();
        List<String> words = Asyncio.run(tutorial.sequential());
        report("awaited one after the other", words, start, "expect about 2 s");
        start = System.nanoTime();
        words = Asyncio.run(tutorial.gathered());
        report("gathered", words, start, "expect about 1 s");
    }

    private static void pages() throws Exception {
        int count = 10;
        Duration delay = Duration.ofMillis(500);
        section("2. Fetching " + count + " web pages from a local server that answers each after "
                + delay.toMillis() + " ms");
        try (PageFetching fetching = new PageFetching(delay, count)) {
            long start = System.nanoTime();
            int fetched = Asyncio.run(fetching.oneByOne(fetching.pages(count))).size();
            report("one by one", fetched + " pages", start, "expect about " + count * delay.toMillis() / 1000.0 + " s");
            start = System.nanoTime();
            fetched = Asyncio.run(fetching.concurrently(fetching.pages(count))).size();
            report("concurrently (gather)", fetched + " pages", start, "expect about " + delay.toMillis() / 1000.0
                    + " s, the slowest page");
            // The same, with a small HTTP/1.1 client over jasyncio's own streams: no thread but the loop's.
            start = System.nanoTime();
            fetched = Asyncio.run(fetching.oneByOne(fetching.pages(count), new StreamsHttpClient()::text)).size();
            report("one by one, over jasyncio streams", fetched + " pages", start, "the same");
            start = System.nanoTime();
            fetched = Asyncio.run(fetching.concurrently(fetching.pages(count), new StreamsHttpClient()::text)).size();
            report("gathered, over jasyncio streams", fetched + " pages", start, "the same");
        }
    }

    private static void footprint() throws InterruptedException {
        int coroutines = 100_000;
        int threads = 10_000;
        Duration nap = Duration.ofSeconds(1);
        section("3. Memory: " + coroutines + " tasks, then " + threads + " platform threads, each sleeping 1 s");
        long start = System.nanoTime();
        long perTask = Asyncio.run(Footprint.heapPerSuspendedTask(coroutines, nap));
        System.out.printf("   %-34s %,8d bytes of heap each (%.2f s)%n", "suspended tasks:", perTask, seconds(start));
        start = System.nanoTime();
        long perThread = Footprint.residentBytesPerSleepingThread(threads, nap);
        if (perThread < 0) {
            System.out.println("   platform threads: resident memory cannot be read on this system");
        } else {
            System.out.printf("   %-34s %,8d bytes of resident memory each (%.2f s)%n", "sleeping platform threads:",
                    perThread, seconds(start));
            System.out.printf("   a thread costs about %,d times a suspended task%n", perThread / Math.max(1, perTask));
        }
        long stack = Footprint.reservedStackBytesPerThread();
        if (stack > 0) {
            System.out.printf("   and each thread also reserves %,d KB of address space for its stack%n", stack / 1024);
        }
    }

    private static void noPreemption() throws InterruptedException {
        int tasks = 4;
        int times = 1_000_000;
        section("4. No preemption: " + tasks + " tasks add 1 to a plain field " + times + " times each, no lock");
        NoPreemption demo = new NoPreemption();
        long total = Asyncio.run(demo.onOneLoop(tasks, times, 100_000));
        System.out.printf("   %-34s %,d of %,d (turns taken at awaits: %s ...)%n", "on one event loop:", total,
                (long) tasks * times, demo.turns().subList(0, 8));
        long onThreads = NoPreemption.onThreads(tasks, times);
        System.out.printf("   %-34s %,d of %,d%n", "on " + tasks + " platform threads:", onThreads, (long) tasks * times);
    }

    private static void crawler() throws Exception {
        int pages = 31;
        Duration delay = Duration.ofMillis(100);
        Duration limit = Duration.ofSeconds(20);
        section("5. The crawler: " + pages + " linked pages, each answered after " + delay.toMillis()
                + " ms; a queue of addresses, workers in a task group, a semaphore, a " + limit.toSeconds()
                + " s timeout");
        try (Crawler crawler = new Crawler(pages, delay)) {
            long start = System.nanoTime();
            int crawled = Asyncio.run(crawler.crawl(1, 1, limit));
            report("1 worker, 1 request at a time", crawled + " pages", start, "expect " + pages * delay.toMillis()
                    / 1000.0 + " s of delays, plus each request's own cost");
        }
        try (Crawler crawler = new Crawler(pages, delay)) {
            long start = System.nanoTime();
            int crawled = Asyncio.run(crawler.crawl(8, 4, limit));
            report("8 workers, at most 4 requests", crawled + " pages", start, "expect 0.9 s of delays: the site's"
                    + " levels of 1, 2, 4, 8, 16 pages, 4 at a time");
            System.out.printf("   %-34s %d%n", "most requests the site saw at once:", crawler.mostRequestsInFlight());
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println(title);
    }

    private static void report(String what, Object result, long start, String expectation) {
        System.out.printf("   %-34s %.2f s  %s  (%s)%n", what + ":", seconds(start), result, expectation);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
