package org.jasyncio.demos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.jasyncio.Coroutine;
import org.jasyncio.TaskGroup;
import org.jasyncio.annotation.Async;
import org.jasyncio.queues.Queue;
import org.jasyncio.queues.QueueShutDownException;
import org.jasyncio.sync.Semaphore;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.taskGroup;
import static org.jasyncio.Asyncio.timeout;

/**
 * The asyncio crawler, ported: a local site of linked pages, each answered after a delay; a
 * {@link Queue} of addresses to visit; workers started in a {@link TaskGroup}; a {@link Semaphore}
 * that caps the requests in flight; and an overall {@code timeout}. When every address taken from
 * the queue is done ({@code join}), the queue is shut down and the workers end by themselves.
 */
public final class Crawler implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("href=\"(/page/\\d+)\"");

    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    private final Set<URI> seen = new HashSet<>();
    private final Queue<URI> frontier = new Queue<>();
    private Semaphore requests;
    private int crawled;

    /**
     * Starts a site of {@code pages} pages on the loopback address: page {@code n} links to pages
     * {@code 2n + 1} and {@code 2n + 2}, and each answer comes after {@code delay}.
     */
    public Crawler(int pages, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/page/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/page/".length()));
            StringBuilder body = new StringBuilder("<html><body>page ").append(n);
            for (int child = 2 * n + 1; child <= 2 * n + 2 && child < pages; child++) {
                body.append(" <a href=\"/page/").append(child).append("\">").append(child).append("</a>");
            }
            byte[] bytes = body.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /**
     * Crawls the site from its first page with {@code workers} workers and at most
     * {@code maxRequests} requests in flight, within {@code limit}.
     *
     * @return how many pages were crawled
     * @throws TimeoutException if the crawl takes longer than {@code limit}
     */
    @Async
    public Coroutine<Integer> crawl(int workers, int maxRequests, Duration limit) throws TimeoutException {
        requests = new Semaphore(maxRequests);
        URI first = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page/0");
        seen.add(first);
        frontier.putNowait(first);
        await(timeout(limit, scope -> taskGroup(group -> startWorkers(group, workers))));
        return completed(crawled);
    }

    /** The most requests the site saw in flight at once. */
    public int mostRequestsInFlight() {
        return mostInFlight.get();
    }

    @Async
    Coroutine<Void> startWorkers(TaskGroup group, int workers) {
        for (int i = 0; i < workers; i++) {
            group.createTask(worker(), "worker-" + i);
        }
        await(frontier.join());
        frontier.shutdown();
        return completed();
    }

    @Async
    Coroutine<Void> worker() {
        while (true) {
            URI page;
            try {
                page = await(frontier.get());
            } catch (QueueShutDownException e) {
                return completed();
            }
            try {
                for (URI link : links(page, await(fetch(page)))) {
                    if (seen.add(link)) {
                        frontier.putNowait(link);
                    }
                }
                crawled++;
            } finally {
                frontier.taskDone();
            }
        }
    }

    @Async
    Coroutine<String> fetch(URI page) {
        await(requests.acquire());
        try {
            HttpResponse<String> response = await(client.sendAsync(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.ofString()));
            return completed(response.body());
        } finally {
            requests.release();
        }
    }

    private static List<URI> links(URI page, String body) {
        Matcher links = LINK.matcher(body);
        return links.results().map(link -> page.resolve(link.group(1))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
    }
}
