package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.benchmarks.VirtualThreadWorkloads;
import org.jasyncio.demos.StreamsHttpClient;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;

/**
 * The fetch benchmark's Java alternatives, as a user of each would write them: {@code concurrency}
 * workers take requests from a shared count until {@code requests} have been made, each fetching
 * one page at a time and checking its length. A client lives as long as this object, so that a
 * second round reuses the connections the first opened, as a session would.
 *
 * <p>Thread rule: the jasyncio rounds run on their loop's thread; the others on the calling thread.
 */
final class FetchWorkloads implements AutoCloseable {

    /** The alternatives, by the names the command line and the table use. */
    static final List<String> KINDS = List.of("jasyncio-streams", "jasyncio-httpclient", "httpclient-virtual-threads");

    private final URI page;
    private final int expectedLength;
    private final StreamsHttpClient streams = new StreamsHttpClient();
    private final HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;

    FetchWorkloads(URI page, int expectedLength) {
        this.page = page;
        this.expectedLength = expectedLength;
        this.request = HttpRequest.newBuilder(page).build();
    }

    /** A worker of a jasyncio round: fetches until the shared count of requests left is spent. */
    @FunctionalInterface
    private interface Worker {
        Coroutine<Integer> fetchWhileLeft(AtomicInteger left) throws IOException;
    }

    /** A coroutine that makes {@code requests} GETs with the Streams HTTP client, {@code concurrency} at a time. */
    Coroutine<List<Integer>> streamsRound(int requests, int concurrency) throws IOException {
        return round(requests, concurrency, this::streamsWorker);
    }

    /** A coroutine that makes {@code requests} GETs awaiting {@code HttpClient.sendAsync}, {@code concurrency} at a time. */
    Coroutine<List<Integer>> httpClientRound(int requests, int concurrency) throws IOException {
        return round(requests, concurrency, this::httpClientWorker);
    }

    /** Runs {@code concurrency} workers together until {@code requests} GETs are made; what each made. */
    @Async
    private static Coroutine<List<Integer>> round(int requests, int concurrency, Worker worker) throws IOException {
        AtomicInteger left = new AtomicInteger(requests);
        List<Coroutine<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(worker.fetchWhileLeft(left));
        }
        return completed(await(gather(workers)));
    }

    @Async
    private Coroutine<Integer> streamsWorker(AtomicInteger left) throws IOException {
        int fetched = 0;
        while (left.getAndDecrement() > 0) {
            check(await(streams.get(page)).body().length);
            fetched++;
        }
        return completed(fetched);
    }

    @Async
    private Coroutine<Integer> httpClientWorker(AtomicInteger left) throws IOException {
        int fetched = 0;
        while (left.getAndDecrement() > 0) {
            check(await(httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())).body().length);
            fetched++;
        }
        return completed(fetched);
    }

    /** Makes {@code requests} GETs with {@code HttpClient.send} on {@code concurrency} virtual threads. */
    void virtualThreadsRound(int requests, int concurrency) throws IOException, InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        List<Future<Integer>> workers = new ArrayList<>();
        ExecutorService threads = VirtualThreadWorkloads.newExecutor();
        try {
            for (int i = 0; i < concurrency; i++) {
                workers.add(threads.submit(() -> {
                    int fetched = 0;
                    while (left.getAndDecrement() > 0) {
                        check(httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length);
                        fetched++;
                    }
                    return fetched;
                }));
            }
            for (Future<Integer> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("a GET of " + page + " on a virtual thread failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Closes the {@code HttpClient} where it can be closed (JDK 21 and newer), which ends its
     * threads at once rather than when it is collected. The Streams client's connections are its
     * loop's, closed with it.
     */
    @Override
    public void close() {
        Object client = httpClient;
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + client, e);
            }
        }
    }

    private void check(int length) throws IOException {
        if (length != expectedLength) {
            throw new IOException("GET " + page + " gave " + length + " bytes, not the page's " + expectedLength);
        }
    }
}
