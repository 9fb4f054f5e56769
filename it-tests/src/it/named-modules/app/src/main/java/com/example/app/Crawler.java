package com.example.app;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

import com.example.lib.Fetcher;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.queues.Queue;

/**
 * Runs on the module path as module com.example.app: pages fetched concurrently from a queue, then an exception three awaits deep (crawl, worker, Fetcher.fetch, after real
 * suspensions), then the call graph of a suspended task.
 */
public final class Crawler {

    private Crawler() {
    }

    @Async
    static Coroutine<Integer> worker(String path) throws FileNotFoundException {
        await(sleep(5));
        String page = await(Fetcher.fetch(path));
        return completed(page.length());
    }

    @Async
    static Coroutine<Integer> crawl(String path) throws FileNotFoundException {
        await(sleep(5));
        int length = await(worker(path));
        return completed(length);
    }

    @Async
    static Coroutine<List<Integer>> crawlAll() throws FileNotFoundException {
        Queue<String> paths = new Queue<>();
        for (String path : List.of("/a", "/b", "/c")) {
            paths.putNowait(path);
        }
        List<Task<Integer>> crawls = new ArrayList<>();
        while (!paths.isEmpty()) {
            crawls.add(Asyncio.createTask(crawl(paths.getNowait())));
        }
        return completed(await(Asyncio.gather(crawls)));
    }

    @Async
    static Coroutine<Throwable> caught(String path) {
        try {
            await(crawl(path));
            return completed(null);
        } catch (FileNotFoundException e) {
            return completed(e);
        }
    }

    @Async
    static Coroutine<String> graphOfSuspended() throws FileNotFoundException {
        Task<Integer> slow = Asyncio.createTask(crawl("/slow"), "slow-crawl");
        await(sleep(7));
        String graph = Asyncio.formatCallGraph(slow);
        await(slow);
        return completed(graph);
    }

    public static void main(String[] args) throws FileNotFoundException {
        System.out.println("MODULE " + Crawler.class.getModule().getName() + " "
                + Fetcher.class.getModule().getName() + " " + Asyncio.class.getModule().getName());
        System.out.println("LENGTHS " + Asyncio.run(crawlAll()));
        Throwable thrown = Asyncio.run(caught("/missing"));
        System.out.println("THROWN " + thrown);
        for (StackTraceElement element : thrown.getStackTrace()) {
            System.out.println("TRACE " + element);
        }
        for (String line : Asyncio.run(graphOfSuspended()).split("\n")) {
            System.out.println("GRAPH " + line);
        }
    }
}
